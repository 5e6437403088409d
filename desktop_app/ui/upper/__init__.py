"""The pages of the upper level's window (``desktop_app/ui/upper_window.py``)."""
