#!/usr/bin/env python3
"""Fixtures for bench/genai-keywords.sh: N keywords (2–6 CJK characters from U+4E00–U+5DFF, none inside another)
and a Chinese text of SIZE_MB megabytes whose filler uses U+5E00–U+7FFF only, with keywords inserted between filler
runs, so every tool finds exactly the occurrences inserted (no overlaps, none across insertions)."""
import random, sys

out_dir, n_keywords, size_mb = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(45654)
kw_chars = [chr(c) for c in range(0x4E00, 0x5E00)]
keywords, seen = [], set()
while len(keywords) < n_keywords:
    k = "".join(rng.choices(kw_chars, k=rng.randint(2, 6)))
    if k not in seen:
        seen.add(k)
        keywords.append(k)
# Drop a keyword found inside another (the tools would count overlapping hits differently).
subs = set()
for k in keywords:
    for i in range(len(k)):
        for j in range(i + 1, len(k) + 1):
            if (i, j) != (0, len(k)):
                subs.add(k[i:j])
keywords = [k for k in keywords if k not in subs]
codes = [f"A.1.{i}" for i in range(1, 9)] + [f"A.2.{i}" for i in range(1, 10)]
with open(f"{out_dir}/keywords.txt", "w", encoding="utf-8") as f:
    f.write("".join(k + "\n" for k in keywords))
with open(f"{out_dir}/keywords.csv", "w", encoding="utf-8") as f:
    f.write("text,risk\n" + "".join(f"{k},{codes[i % len(codes)]}\n" for i, k in enumerate(keywords)))
filler_chars = [chr(c) for c in range(0x5E00, 0x8000)] + ["，", "。", "、"]
# A pool of filler lines reused in random order keeps generation quick.
pool = ["".join(rng.choices(filler_chars, k=rng.randint(40, 160))) for _ in range(20000)]
target = size_mb * 1024 * 1024
written, inserted = 0, 0
with open(f"{out_dir}/text.txt", "w", encoding="utf-8") as f:
    buf = []
    while written < target:
        line = rng.choice(pool)
        if rng.random() < 0.3:
            cut = rng.randint(0, len(line))
            line = line[:cut] + rng.choice(keywords) + line[cut:]
            inserted += 1
        line += "\n"
        buf.append(line)
        written += len(line.encode("utf-8"))
        if len(buf) >= 10000:
            f.write("".join(buf)); buf = []
    f.write("".join(buf))
print(f"{len(keywords)} keywords, {written / 1048576:.0f} MB, {inserted} keywords inserted")
