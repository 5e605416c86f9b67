"""Every row of the user's seed (shared/seed/000_9c5e0632dff49e67.txt,
pynetdicom2's statuses table), transcribed: (command, code, type, description).

Codes written ``A7xx`` are masked ranges.  test_seed.py checks each row, and
that this transcription still matches the seed document when it is present.
"""

SEED_ROWS: list[tuple[str, str, str, str]] = [
    ("C-ECHO", "0000", "Success", ""),
    ("C-ECHO", "0122", "Failure", "Refused: SOP Class Not Supported"),
    ("C-ECHO", "0210", "Failure", "Duplicate Invocation"),
    ("C-ECHO", "0212", "Failure", "Mistyped argument"),
    ("C-ECHO", "0211", "Failure", "Unrecognized Operation"),
    ("C-STORE", "A7xx", "Failure", "Refused: Out of Resources"),
    ("C-STORE", "A9xx", "Failure", "Error: Data Set does not match SOP Class"),
    ("C-STORE", "Cxxx", "Failure", "Error: Cannot understand"),
    ("C-STORE", "0112", "Failure", "Failed: SOP Class Not Supported"),
    ("C-STORE", "0210", "Failure", "Duplicate Invocation"),
    ("C-STORE", "0117", "Failure", "Invalid Object Instance"),
    ("C-STORE", "0212", "Failure", "Mistyped argument"),
    ("C-STORE", "0211", "Failure", "Unrecognized Operation"),
    ("C-STORE", "0124", "Failure", "Refused: Not Authorized"),
    ("C-STORE", "B000", "Warning", "Coercion of Data Elements"),
    ("C-STORE", "B007", "Warning", "Data Set does not match SOP Class"),
    ("C-STORE", "B006", "Warning", "Elements Discarded"),
    ("C-STORE", "0000", "Success", "Success"),
    ("C-FIND", "A700", "Failure", "Refused: Out of Resources"),
    ("C-FIND", "A900", "Failure", "Error: Data Set does not match SOP Class"),
    ("C-FIND", "Cxxx", "Failure", "Failed: Unable to process"),
    ("C-FIND", "0112", "Failure", "Failed: SOP Class Not Supported"),
    ("C-FIND", "FE00", "Cancel", "Matching terminated due to Cancel request"),
    ("C-FIND", "0000", "Success", "Matching is complete - No final Identifier is supplied."),
    ("C-FIND", "FF00", "Pending", "Matches are continuing - Current Match is supplied and any "
     "Optional Keys were supported in the same manner as Required Keys."),
    ("C-FIND", "FF01", "Pending", "Matches are continuing - Warning that one or more Optional "
     "Keys were not supported for existence and/or matching for this Identifier."),
    ("C-GET", "A701", "Failure",
     "Refused: Out of Resources - Unable to calculate number of matches"),
    ("C-GET", "A702", "Failure", "Refused: Out of Resources - Unable to perform sub-operations"),
    ("C-GET", "A900", "Failure", "Error: Data Set does not match SOP Class"),
    ("C-GET", "Cxxx", "Failure", "Failed: Unable to process"),
    ("C-GET", "0112", "Failure", "Failed: SOP Class Not Supported"),
    ("C-GET", "0210", "Failure", "Duplicate Invocation"),
    ("C-GET", "0212", "Failure", "Mistyped argument"),
    ("C-GET", "0211", "Failure", "Unrecognized Operation"),
    ("C-GET", "0124", "Failure", "Refused: Not Authorized"),
    ("C-GET", "FE00", "Cancel", "Cancel Sub-operations terminated due to Cancel Indication"),
    ("C-GET", "B000", "Warning", "Sub-operations Complete - One or more Failures or Warnings"),
    ("C-GET", "0000", "Success", "Sub-operations Complete - No Failures or Warnings"),
    ("C-GET", "FF00", "Pending", "Sub-operations are continuing"),
    ("C-MOVE", "A701", "Failure",
     "Refused: Out of Resources - Unable to calculate number of matches"),
    ("C-MOVE", "A702", "Failure", "Refused: Out of Resources - Unable to perform sub-operations"),
    ("C-MOVE", "A801", "Failure", "Refused: Move Destination unknown"),
    ("C-MOVE", "A900", "Failure", "Error: Data Set does not match SOP Class"),
    ("C-MOVE", "Cxxx", "Failure", "Failed: Unable to process"),
    ("C-MOVE", "AA00", "Failure",
     "Failed: None of the frames requested were found in the SOP Instance"),
    ("C-MOVE", "AA01", "Failure", "Failed: Unable to create new object for this SOP class"),
    ("C-MOVE", "AA02", "Failure", "Failed: Unable to extract frames"),
    ("C-MOVE", "AA03", "Failure",
     "Failed: Time-based request received for a non-time-based original SOP Instance."),
    ("C-MOVE", "AA04", "Failure", "Failed: Invalid Request"),
    ("C-MOVE", "0112", "Failure", "Failed: SOP Class Not Supported"),
    ("C-MOVE", "0210", "Failure", "Duplicate Invocation"),
    ("C-MOVE", "0212", "Failure", "Mistyped argument"),
    ("C-MOVE", "0211", "Failure", "Unrecognized Operation"),
    ("C-MOVE", "0124", "Failure", "Refused: Not Authorized"),
    ("C-MOVE", "FE00", "Cancel", "Sub-operations terminated due to Cancel Indication"),
    ("C-MOVE", "B000", "Warning", "Sub-operations Complete - One or more Failures or Warnings"),
    ("C-MOVE", "0000", "Success", "Sub-operations Complete - No Failures or Warnings"),
    ("C-MOVE", "FF00", "Pending", "Sub-operations are continuing"),
]

_N_SERVICE_ROWS = {
    "N-EVENT-REPORT": ["0119", "0210", "0115", "0117", "0212", "0114", "0113", "0118", "0112",
                       "0110", "0213", "0211"],
    "N-ACTION": ["0119", "0210", "0115", "0117", "0212", "0123", "0114", "0118", "0112", "0110",
                 "0213", "0211", "0124"],
    "N-GET": ["0107", "0119", "0210", "0117", "0212", "0118", "0112", "0110", "0213", "0211",
              "0124"],
    "N-SET": ["0119", "0210", "0106", "0116", "0212", "0117", "0121", "0105", "0107", "0118",
              "0112", "0110", "0213", "0211", "0124"],
    "N-CREATE": ["0210", "0111", "0106", "0116", "0117", "0120", "0121", "0212", "0105", "0107",
                 "0118", "0110", "0213", "0211", "0124"],
    "N-DELETE": ["0119", "0210", "0117", "0212", "0118", "0112", "0110", "0213", "0211", "0124"],
}
_N_DESCRIPTIONS = {
    "0105": "No Such Attribute", "0106": "Invalid Attribute Value",
    "0107": "Attribute List Error", "0110": "Processing Failure",
    "0111": "Duplicate SOP Instance", "0112": "No Such SOP Instance",
    "0113": "No Such Event Type", "0114": "No Such Argument", "0115": "Invalid Argument Value",
    "0116": "Attribute Value Out Of Range", "0117": "Invalid Object Instance",
    "0118": "No Such SOP Class", "0119": "Class-Instance Conflict", "0120": "Missing Attribute",
    "0121": "Missing Attribute Value", "0123": "No Such Action",
    "0124": "Refused: Not Authorized", "0210": "Duplicate Invocation",
    "0211": "Unrecognized Operation", "0212": "Mistyped Argument", "0213": "Resource Limitation",
}
SEED_ROWS.extend([
    (command, code, "Failure", _N_DESCRIPTIONS[code])
    for command, codes in _N_SERVICE_ROWS.items()
    for code in codes
])

# Rows where the seed and the standard disagree (README "Seed and standard"):
# (command, code) -> the type dimse-status gives, following the standard.
TYPE_CORRECTIONS: dict[tuple[str, str], str] = {
    (command, code): "Warning"
    for command in ("N-GET", "N-SET", "N-CREATE")
    for code in ("0107", "0116")
    if code in _N_SERVICE_ROWS[command]
}
# Rows whose wording follows the standard instead of the seed.
WORDING_CORRECTIONS = {
    ("C-GET", "FE00"), ("C-ECHO", "0000"),
    # C-MOVE's own table (C.4.2.1.5, as read for issue 23): the seed gives it C-GET's wording.
    ("C-MOVE", "0000"), ("C-MOVE", "B000"),
    # PS3.7 2025b names: C.4.2 Attribute List warning, C.5.12 Invalid SOP Instance.
    *((command, "0107") for command in ("N-GET", "N-SET", "N-CREATE")),
    *((command, "0117") for command in ("C-STORE", "N-EVENT-REPORT", "N-GET", "N-SET",
                                        "N-ACTION", "N-CREATE", "N-DELETE")),
}
