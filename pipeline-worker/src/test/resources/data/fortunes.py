"""Builds fortunes.csv from the Debian 'fortunes' package's data files (see README.md next to the CSV)."""
import csv, re, sys
root = sys.argv[1] if len(sys.argv) > 1 else '/usr/share/games/fortunes'
out = sys.argv[2] if len(sys.argv) > 2 else 'fortunes.csv'
categories = ['computers', 'food', 'love', 'politics', 'sports']
rows = []
for c in categories:
    raw = open(f'{root}/{c}', 'rb').read()
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError:
        text = raw.decode('latin-1')
    entries = [' '.join(e.split()) for e in re.split(r'\n%\n', text)]
    kept = [e for e in entries if e and len(e) <= 400][:200]
    rows += [(e, c) for e in kept]
with open(out, 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['text', 'category'])
    w.writerows(rows)
print(len(rows), 'rows')
