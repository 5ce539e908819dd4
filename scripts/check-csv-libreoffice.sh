#!/usr/bin/env bash
# Shows that the delivery CSVs of notifier-service open correctly in LibreOffice Calc (headless):
# columns split on ';', the UTF-8 BOM not in the first cell, accents intact, neutralised formulas
# (cells prefixed with ') kept as text, never evaluated.
#
#   scripts/check-csv-libreoffice.sh [file.csv ...]
#
# Without arguments it checks the golden files of notifier-service (ZR7 7 columns, MDL 8 columns),
# which BatchCsvGoldenTest proves byte-equal to what the service attaches. Needs LibreOffice Calc
# (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui) and python3.
# Not part of ./mvnw verify. Exit 0 when every file passes.
#
# Two imports per file, then back to a tab-separated export that is compared with the source:
#  1. as a user opening the file (';' separator, UTF-8, column types "Standard"): same rows, same
#     columns, same text; numbers-looking cells (telephone, code_postal) may lose their leading 0
#     in the sheet's display, which is reported as a note (the file itself holds the 0);
#  2. with every column typed Text: every cell must equal the source exactly.
# A PDF is produced as well (--convert-to pdf), as an operator would print it.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ "$#" -gt 0 ]; then
    FILES=("$@")
else
    FILES=("$ROOT"/notifier-service/src/test/resources/golden/*.csv)
fi

SOFFICE=$(command -v soffice || command -v libreoffice || true)
if [ -z "$SOFFICE" ]; then
    echo "LibreOffice not found: apt-get install -y --no-install-recommends libreoffice-calc-nogui" >&2
    exit 2
fi
command -v python3 > /dev/null || { echo "python3 is needed to compare the cells" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PROFILE="-env:UserInstallation=file://$WORK/profile"
TSV_EXPORT='csv:Text - txt - csv (StarCalc):9,34,76,1'

soffice_run() {
    "$SOFFICE" --headless --norestore "$PROFILE" "$@" > "$WORK/soffice.log" 2>&1 || {
        cat "$WORK/soffice.log" >&2
        return 1
    }
}

status=0
for csv in "${FILES[@]}"; do
    name=$(basename "$csv" .csv)
    dir="$WORK/$name"
    mkdir -p "$dir/standard" "$dir/text"
    cp "$csv" "$dir/$name.csv"
    columns=$(head -1 "$csv" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r' | awk -F';' '{print NF}')
    # token 5: column formats, 2 = Text for every column
    text_formats=$(seq 1 "$columns" | sed 's|$|/2|' | paste -sd/)

    soffice_run --infilter="CSV:59,34,76,1" --convert-to xlsx --outdir "$dir/standard" "$dir/$name.csv"
    soffice_run --convert-to "$TSV_EXPORT" --outdir "$dir/standard/back" "$dir/standard/$name.xlsx"
    soffice_run --infilter="CSV:59,34,76,1,$text_formats" --convert-to xlsx --outdir "$dir/text" "$dir/$name.csv"
    soffice_run --convert-to "$TSV_EXPORT" --outdir "$dir/text/back" "$dir/text/$name.xlsx"
    soffice_run --infilter="CSV:59,34,76,1,$text_formats" --convert-to pdf --outdir "$dir" "$dir/$name.csv"

    if python3 - "$csv" "$dir/standard/back/$name.csv" "$dir/text/back/$name.csv" "$dir/$name.pdf" << 'PY'
import csv, os, sys

source_path, standard_path, text_path, pdf_path = sys.argv[1:5]
with open(source_path, encoding="utf-8", newline="") as f:
    raw = f.read()
problems, notes = [], []
if not raw.startswith("\ufeff"):
    problems.append("no UTF-8 BOM")
source = list(csv.reader(raw.lstrip("\ufeff").splitlines(), delimiter=";"))
expected_columns = {"ZR7": 7, "MDL": 8}.get(os.path.basename(source_path)[:3])
if expected_columns and len(source[0]) != expected_columns:
    problems.append(f"{len(source[0])} columns after splitting on ';', expected {expected_columns}")

def sheet(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f.read().splitlines(), delimiter="\t"))

for label, path in (("standard", standard_path), ("text", text_path)):
    rows = sheet(path)
    if len(rows) != len(source):
        problems.append(f"{label}: {len(rows)} rows, expected {len(source)}")
        continue
    for i, (got, want) in enumerate(zip(rows, source), start=1):
        if len(got) != len(want):
            problems.append(f"{label}: row {i} has {len(got)} columns, expected {len(want)}: {got}")
            continue
        for header, g, w in zip(source[0], got, want):
            if g == w:
                continue
            if label == "standard" and w.isdigit() and g == w.lstrip("0"):
                notes.append(f"{header} {w!r} shown as {g!r} when opened with Standard column types")
            else:
                problems.append(f"{label}: row {i} {header}: {g!r} instead of {w!r}")
if rows and rows[0] and rows[0][0] != source[0][0]:
    problems.append(f"first cell is {rows[0][0]!r}: the BOM leaked into the sheet")
if not os.path.exists(pdf_path) or os.path.getsize(pdf_path) == 0:
    problems.append("no PDF produced")

accented = sorted({c for row in source for c in "".join(row) if ord(c) > 127})
neutralised = [cell for row in source for cell in row if cell.startswith("'")]
print(f"  {len(source) - 1} leads, {len(source[0])} columns ({';'.join(source[0])})")
print(f"  accents intact: {''.join(accented) or '-'}; neutralised cells kept as text: {len(neutralised)}")
print(f"  PDF: {os.path.getsize(pdf_path) if os.path.exists(pdf_path) else 0} bytes")
for n in sorted(set(notes)):
    print(f"  note: {n}")
for p in problems:
    print(f"  FAIL: {p}")
sys.exit(1 if problems else 0)
PY
    then
        echo "OK   $(basename "$csv")"
    else
        echo "FAIL $(basename "$csv")"
        status=1
    fi
done
exit $status
