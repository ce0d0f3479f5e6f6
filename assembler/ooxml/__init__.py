"""Everything that knows WordprocessingML: the rest of assembler speaks Run and ParaFormat."""
from .builder import Change, DocumentBuilder, Fonts, PageSetup, ParaFormat, Run
from .package import Package

__all__ = ["Change", "DocumentBuilder", "Fonts", "PageSetup", "ParaFormat", "Run", "Package"]
