"""Why a register cannot be opened or created, in plain Vietnamese."""

from desktop_app.domain.errors import DomainError


class RegisterError(DomainError):
    """The register file cannot be used; nothing in it was changed."""


class WrongSecret(RegisterError):
    """The passphrase does not unwrap the data key."""


class WrongRecoveryKey(RegisterError):
    """The recovery key is mistyped or belongs to another register."""


class KeyFileError(RegisterError):
    """The key file beside the register is missing or damaged."""


class NotARegister(RegisterError):
    """The file is not a Sổ Chi bộ register (or is damaged beyond opening)."""


class NewerRegister(RegisterError):
    """The register was written by a newer version of the program."""


class AlreadyOpen(RegisterError):
    """Another copy of the program holds the register."""


class DamagedRegister(RegisterError):
    """The quick check at open found damage."""


class RegisterExists(RegisterError):
    """Creating a register where one already is."""
