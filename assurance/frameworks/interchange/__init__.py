"""Import and export a framework as YAML or as an Excel workbook (the format is documented in
docs/frameworks.md, with a full example).

Both readers produce the same plain structure, each value remembering where it came from (a
YAML line, or an Excel sheet, row and column); one validator checks it all and reports every
problem by its place and field; only a fully valid file is written, in one transaction.

* ``format``: the format's vocabulary, a file's problems (``ImportProblem``), values with their
  place (``Located``), the validator that makes a ``Plan``, and what an export holds;
* ``yaml_files``: reading a YAML file with the line of every key, and writing one;
* ``workbooks``: reading an Excel workbook by sheet, row and column, and writing one;
* ``loading``: writing a validated plan as a new framework, importing a file by its extension,
  and the built-in Yes / No / Not applicable scale.

Each module imports only those listed above it.
"""
