"""Which module registers each verb, and the one line `assembler --help` says of it.

Kept here, apart from the verb modules, so that the command can find a verb's module (and
print the top-level help) without importing typer or every verb. tests/cli/test_startup.py
checks this table against the typer application, so a verb added, renamed or reworded there
fails until it is written here too."""
from __future__ import annotations

DESCRIPTION = "Draft, amend, redline and compare United Nations resolutions."

# The verb modules in the order they register, which is the order `--help` lists verbs in.
MODULES: tuple[str, ...] = ("drafts", "interchange", "letters", "compare", "redline", "amend",
                            "amendment", "room", "survey", "lineage")

# verb -> (module, summary), in the order `--help` lists them (typer lists sub-apps, `room`,
# after the commands)
VERBS: dict[str, tuple[str, str]] = {
    "import": ("drafts", "Read a UN draft into a draft source, keeping every word."),
    "check": ("drafts", "Validate a draft source: exit 0 valid, 1 problems found, 2 unreadable."),
    "build": ("drafts", "Build a UN-format document from a draft source; the format follows the "
              "extension (.docx, .pdf, .html, .txt) and the face follows the draft's stage."),
    "export": ("interchange", "Export a draft as Akoma Ntoso 3.0 (AKN4UN statement "
               'name="resolution") for archives.'),
    "diff": ("interchange", "Infer the changes that turn OLD into NEW and say them in UN prose."),
    "letter": ("letters", "Write the covering letters of a draft (the co-facilitators' letter, "
               "the President's transmittal letter) from their data and the templates in "
               "templates/letters/."),
    "compare": ("compare", "Every version side by side, one row per unit, changes marked, "
                "proposers named."),
    "concordance": ("compare", "Each paragraph number of the newer version against the numbers "
                    "it came from, with the proposers who contributed (as UNFCCC facilitators "
                    "publish)."),
    "history": ("compare", "The life of one paragraph through every version: each change and "
                "who made it."),
    "redline": ("redline", "Show every change from OLD to NEW: Word tracked changes (.docx), or "
                "bold and strike-out (.html, .pdf, .docx with --visual)."),
    "preview": ("redline", "See what your proposals would do to a draft before you submit them: "
                "the draft with them applied, as a redline whose changes carry your "
                "delegation's name, and every clash with a proposal already on file flagged in "
                "the margin (Word comments; notes in HTML)."),
    "proposals": ("amend", "Validate proposals and list them: id, proposer, status, changes."),
    "status": ("amend", "Record a decision on a proposal; impossible transitions are refused."),
    "apply": ("amend", "Apply the accepted changes and write the next version, recording where "
              "it came from and which proposal made each change. Conflicts: exit 1, nothing "
              "written."),
    "compile": ("amend", "Compile proposals paragraph by paragraph: base text, each proposal "
                "(proposer, co-sponsors, status, UN prose, the text as it would read), a summary "
                "by proposer and status."),
    "amendment-doc": ("amendment", "Write a proposal as the UN issues an amendment: masthead, "
                      "proposers, title, instructions."),
    "serve": ("room", "Open the negotiation room in a browser: delegations read, propose, "
              "preview and submit; co-facilitators compile, decide and issue the next version. "
              "Over the same files as the command line."),
    "survey": ("survey", "Import every document and judge each reading against what the "
               "document proves."),
    "lineage": ("lineage", "Link each resolution to the one of an earlier session it "
                "continues, and say what changed."),
    "room": ("room", "Who may enter the negotiation room: co-facilitators and invited "
             "delegations."),
}

# the top-level options typer gives the command, with their help, as `--help` lists them
OPTIONS: tuple[tuple[str, str], ...] = (
    ("--version", "Show the version and exit."),
    ("--install-completion", "Install completion for the current shell."),
    ("--show-completion", "Show completion for the current shell, to copy it or customize the "
                          "installation."),
    ("--help", "Show this message and exit."),
)
