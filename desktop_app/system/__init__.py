"""What the operating system knows that the program needs (no Qt, no SQL): which kind of drive
a file is on."""
