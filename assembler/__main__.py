"""`python -m assembler`: the `assembler` command."""
from .cli import main

main()
