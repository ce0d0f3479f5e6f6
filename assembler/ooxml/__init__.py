"""Everything that knows WordprocessingML: the rest of assembler speaks Run and ParaFormat."""
from .builder import DocumentBuilder
from .formats import Change, Fonts, Mark, PageSetup, ParaFormat, Run
from .package import Package

__all__ = ["Change", "DocumentBuilder", "Fonts", "Mark", "PageSetup", "ParaFormat", "Run", "Package"]
