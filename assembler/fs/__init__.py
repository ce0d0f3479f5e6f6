"""Where the program meets the file system, in one place: bounded reading of any input
(read.py), the names policy for anything that becomes a file name (names.py), atomic and
checked writing (write.py) and locks on what is updated in place (locks.py). Every verb
reads and writes through these; nothing else opens a user's file."""
