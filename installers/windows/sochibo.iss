; Inno Setup script of Sổ Chi bộ: a per-user installer (no administrator rights), in Vietnamese.
;
; Build it with installers/windows/build_installer.py (installers/README.md): that script builds
; the PyInstaller folder dist\sochibo\ first, runs its self-check, then compiles this file with
; ISCC /DAppVersion=<the version in pyproject.toml>. Compiled by hand (the Inno Setup IDE), the
; version is read from the version resource of dist\sochibo\sochibo.exe, which the PyInstaller
; spec writes from the same pyproject.toml.
;
; Needs Inno Setup 6.3 or newer and its Vietnamese translation Vietnamese.isl (a user-contributed
; "unofficial" translation that the Inno Setup installer does not install): put it beside this
; file (installers/README.md says where to get it).
;
; WHERE THINGS GO
;   The program:  {localappdata}\Programs\SoChiBo  (per user; no administrator rights needed)
;   The user's registers, backups, logs:  {localappdata}\SoChiBo  (the user data folder,
;                 desktop_app/paths.py). Setup creates it if missing and NEVER deletes it: the
;                 uninstaller removes the program only, and keeps the registers and backups.
;   Settings:     {userappdata}\SoChiBo\SoChiBo.ini  (kept too)

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed
#endif

#define AppName "Sổ Chi bộ"
#define AppFolder "SoChiBo"
#define AppPublisher "Sổ Chi bộ"
#define GuiExe "sochibo-gui.exe"
#define CliExe "sochibo.exe"
#define DistDir AddBackslash(SourcePath) + "..\..\dist\sochibo"
#define DataDir "{localappdata}\SoChiBo"

#if !FileExists(DistDir + "\" + CliExe)
  #error dist\sochibo\sochibo.exe is missing: build the PyInstaller folder first (installers/README.md)
#endif
#if !FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
  #error Vietnamese.isl is missing beside sochibo.iss: see installers/README.md
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(DistDir + "\" + CliExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error No version: pass /DAppVersion=X.Y.Z or build dist\sochibo with the spec
#endif

[Setup]
AppId={{1A6F7C86-EFD7-4AF5-A480-1D8FA1CB1596}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription=Cài đặt {#AppName}
; per user, never elevated: office PCs where the secretary has no administrator rights
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={localappdata}\Programs\{#AppFolder}
DisableDirPage=yes
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=sochibo-{#AppVersion}-cai-dat
SetupIconFile=..\..\resources\icons\sochibo.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; a running copy of the program is closed before its files are replaced
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=no

[Languages]
Name: "vietnamese"; MessagesFile: "Vietnamese.isl"

[CustomMessages]
vietnamese.AppDescription=Sổ đảng viên của chi bộ, mã hóa, dùng không cần mạng
vietnamese.CreateDesktopIcon=Tạo biểu tượng trên màn hình &nền
vietnamese.AdditionalIcons=Biểu tượng bổ sung:
vietnamese.LaunchProgram=Mở %1 ngay
vietnamese.UninstallProgram=Gỡ cài đặt %1
vietnamese.DataFolder=Thư mục sổ và bản sao lưu
vietnamese.SelfCheckRunning=Đang kiểm tra bản cài đặt…
vietnamese.SelfCheckFailed=Bản cài đặt chưa chạy được đúng (mã lỗi %1). Hãy chạy lại trình cài đặt; nếu vẫn lỗi, hãy chụp màn hình của lệnh "%2 --self-check" gửi cho người hỗ trợ.
vietnamese.DataKept=Đã gỡ chương trình. Sổ chi bộ và các bản sao lưu của bạn vẫn được giữ nguyên trong thư mục:%n%n%1%n%nCài lại chương trình là mở được sổ như cũ.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Dirs]
; the user data folder: made here so the Start-menu entry below can open it, and never removed
Name: "{#DataDir}"; Flags: uninsneveruninstall

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{#DataDir}"; Comment: "{cm:AppDescription}"
Name: "{autoprograms}\{#AppName} - {cm:DataFolder}"; Filename: "{#DataDir}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{#DataDir}"; Comment: "{cm:AppDescription}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Nothing under {#DataDir} is ever listed in [UninstallDelete]: the registers and backups stay.

[Code]
procedure CurStepChanged(CurStep: TSetupStep);
var
  Code: Integer;
begin
  if CurStep = ssPostInstall then
  begin
    WizardForm.StatusLabel.Caption := CustomMessage('SelfCheckRunning');
    if not Exec(ExpandConstant('{app}\{#CliExe}'), '--self-check', ExpandConstant('{app}'),
                SW_HIDE, ewWaitUntilTerminated, Code) or (Code <> 0) then
      SuppressibleMsgBox(FmtMessage(CustomMessage('SelfCheckFailed'),
                         [IntToStr(Code), ExpandConstant('{app}\{#CliExe}')]),
                         mbError, MB_OK, IDOK);
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{#DataDir}')]),
           mbInformation, MB_OK);
end;
