"""A document reissued for technical reasons prints its job number with a "*" at the foot of
page 1 ("25-16535* (E)", A/C.1/80/L.23, development corpus). The PDF's reading once lost
the job number there, silently; the survey now builds the face from what it read, so such
a loss can no longer be judged exact."""
from __future__ import annotations

from assembler.readers import read_any
from assembler.survey.checks import judge

from conftest import CORPUS



def test_the_job_number_of_a_reissued_document_is_read_from_its_pdf():
    result = read_any(CORPUS / "A_C.1_80_L.23.pdf")
    meta = result.draft.metadata
    assert meta.symbol == "A/C.1/80/L.23"
    assert meta.job_number == "25-16535"
    assert not judge(result.draft, result.reading)
