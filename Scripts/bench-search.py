#!/usr/bin/env python3
"""Search benchmark: our engine vs Tantivy vs SQLite FTS5 on the same articles and queries.

    python3 Scripts/bench-search.py [--count 100000] [--corpus DIR] [--iterations 50]

1. Generates the corpus if DIR is missing (`corpus generate --count N --out DIR`, or, if that
   subcommand is not available, a built-in generator of seed-format articles whose syllables follow
   a Zipf distribution over a Vietnamese syllable inventory).
2. Picks queries from term statistics of a sample of the corpus: one word (frequent, mid, rare), two
   words, 3-syllable phrases, the same words typed without diacritics, and filtered queries (a date
   range, a title: filter).
3. Runs `corpus bench-search` (release build): index build time and memory, p50/p99 latency of
   search + top-10 hits (ids and scores, plus the match count: what Tantivy and FTS5 are timed
   on, so the ratios compare the same work), p50 of the same with snippets and highlights built
   for each hit (what the server sends), and the time to the first streamed hit (with snippet).
4. Indexes the same parsed text with Tantivy (default tokenizer: syllables, lowercased, diacritics
   kept; title boosted 2.5) and SQLite FTS5 (unicode61, remove_diacritics 0; bm25 with title 2.5),
   times top-10 queries in this Python process, and prints a side-by-side table with ratios.

Semantics differ on unaccented queries: ours matches every accented variant (more matches, more
work); Tantivy and FTS5 keep diacritics and match only the literal unaccented token.
"""
import argparse, collections, datetime, json, os, random, re, shutil, sqlite3, statistics, subprocess, sys, tempfile, time, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------------
# Corpus

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
RHYMES = ["a", "ai", "am", "an", "ang", "anh", "ao", "au", "ay", "ăm", "ăn", "ăng", "âm", "ân", "âng", "âu", "ây", "e", "em", "en", "eo", "ê", "êm", "ên", "ênh", "êu", "i", "ia", "iêm", "iên", "iêng", "iêu", "in", "inh", "iu", "o", "oa", "oai", "oan", "oang", "oanh", "oi", "om", "on", "ong", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơm", "ơn", "u", "ua", "uân", "uât", "ui", "um", "un", "ung", "uô", "uôi", "uôn", "uông", "uy", "uyên", "ư", "ưa", "ưi", "ưng", "ươi", "ươn", "ương", "ưu", "ac", "ach", "at", "ap", "ăc", "ăt", "âc", "ât", "êt", "ich", "it", "iêt", "oc", "ôc", "ơt", "uc", "ut", "ưc", "ươc", "ươt"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def syllable_inventory(seed_text):
    counts = collections.Counter(w for w in re.findall(r"\w+", seed_text) if not w.isdigit())
    ranked = [w for w, _ in counts.most_common()]
    seen = set(w.lower() for w in ranked)
    rng = random.Random(1)
    extra = []
    for onset in ONSETS:
        for rhyme in RHYMES:
            for tone in TONES:
                if rhyme[-1] in "cpt" and tone not in ("\u0301", "\u0323"):
                    continue
                vowels = [i for i, ch in enumerate(rhyme) if ch in "aăâeêioôơuưy"]
                marked = [i for i in vowels if rhyme[i] in "ăâêôơư"]
                if marked:
                    nucleus = marked[-1]
                elif rhyme[-1] not in "aăâeêioôơuưy" or len(vowels) == 1:
                    nucleus = vowels[-1]
                else:
                    nucleus = vowels[-2]
                word = onset + rhyme[: nucleus + 1] + tone + rhyme[nucleus + 1 :]
                word = unicodedata.normalize("NFC", word)
                if word not in seen:
                    seen.add(word)
                    extra.append(word)
    rng.shuffle(extra)
    return ranked + extra


def generate_builtin(out, count, seed_text):
    vocab = syllable_inventory(seed_text)
    weights = list(__import__("itertools").accumulate(1.0 / (r + 2.7) ** 1.07 for r in range(len(vocab))))
    rng = random.Random(42)
    names = ["Võ Anh Kiệt", "Ngô Công Thức", "Nguyễn Văn An", "Trần Thị Hoa", "Lê Minh Tuấn", "Phạm Quốc Hùng"]
    places = ["An Phú", "Phước Hưng", "Khánh An", "Phú Hữu", "Châu Đốc", "Long Xuyên", "Tân Châu", "Chợ Mới"]
    os.makedirs(out, exist_ok=True)

    def sentence(n):
        words = rng.choices(vocab, cum_weights=weights, k=n)
        if rng.random() < 0.3:
            words[rng.randrange(n)] = rng.choice(places)
        if rng.random() < 0.15:
            words[rng.randrange(n)] = rng.choice(names)
        words[0] = words[0][:1].upper() + words[0][1:]
        return " ".join(words) + "."

    start = datetime.datetime(2015, 1, 1)
    for k in range(count):
        when = start + datetime.timedelta(minutes=rng.randrange(6 * 365 * 24 * 60))
        paragraphs = [" ".join(sentence(rng.randint(12, 28)) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(3, 8))]
        heading = sentence(rng.randint(3, 6)).rstrip(".")
        text = "\n\n".join(
            [
                sentence(rng.randint(8, 14)).rstrip("."),
                when.strftime("%d/%m/%Y - %H:%M"),
                "\u00a0-\u00a0" + sentence(rng.randint(25, 45)),
                "A A",
                heading,
            ]
            + paragraphs
            + [rng.choice(names).upper()]
        )
        with open(os.path.join(out, "%06d_gen.txt" % k), "w", encoding="utf-8") as f:
            f.write(text + "\n")


def ensure_corpus(corpus, count, binary):
    if os.path.isdir(corpus) and any(n.endswith(".txt") for n in os.listdir(corpus)):
        return "existing"
    r = subprocess.run([binary, "generate", "--count", str(count), "--out", corpus], capture_output=True, text=True)
    if r.returncode == 0:
        return "corpus generate"
    seed = open(os.path.join(ROOT, "seeds", "000_f9a3dc24e25b1244.txt"), encoding="utf-8").read()
    generate_builtin(corpus, count, seed)
    return "built-in generator (corpus generate unavailable)"


DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*-\s*(\d{1,2}):(\d{2})")


def read_articles(corpus):
    """A crude parse for the reference engines: title, date, everything else as body."""
    docs = []
    for dirpath, _, files in os.walk(corpus):
        for name in sorted(files):
            if not name.endswith(".txt"):
                continue
            text = open(os.path.join(dirpath, name), encoding="utf-8", errors="replace").read()
            lines = [l.strip() for l in text.splitlines() if l.strip() and l.strip() != "A A"]
            if not lines:
                continue
            title, rest, published = lines[0], lines[1:], None
            if rest and DATE.match(rest[0]):
                d, m, y, hh, mm = map(int, DATE.match(rest[0]).groups())
                published = datetime.datetime(y, m, d, hh, mm, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
                rest = rest[1:]
            docs.append((name[:-4], title, "\n".join(l.lstrip("-\u00a0 ") for l in rest), published))
    return docs


# ---------------------------------------------------------------------------------------------
# Queries


def fold(word):
    s = unicodedata.normalize("NFD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


def pick_queries(docs):
    sample = docs[:: max(1, len(docs) // 3000)]
    df, bigrams, trigrams = collections.Counter(), collections.Counter(), collections.Counter()
    for _, title, body, _ in sample:
        words = [w.lower() for w in re.findall(r"\w+", title + " " + body) if not w.isdigit()]
        df.update(set(words))
        for a, b, c in zip(words, words[1:], words[2:]):
            bigrams[(a, b)] += 1
            trigrams[(a, b, c)] += 1
    accented = [w for w, _ in df.most_common() if fold(w) != w and len(w) > 1]
    n = len(accented)
    ones = [accented[2], accented[min(40, n - 1)], accented[min(400, n - 1)], accented[min(3000, n - 1)]]
    twos = [b for b, _ in bigrams.most_common(400) if all(fold(w) != w for w in b)][::40][:4]
    threes = [t for t, _ in trigrams.most_common(300) if all(fold(w) != w for w in t)][::30][:4]
    queries = []
    for w in ones:
        queries.append({"kind": "one-word", "terms": [w]})
    for b in twos:
        queries.append({"kind": "two-word", "terms": list(b)})
    for t in threes:
        queries.append({"kind": "phrase", "terms": list(t), "phrase": True})
    for w in ones[1:3]:
        queries.append({"kind": "unaccented", "terms": [fold(w)]})
    for b in twos[:2]:
        queries.append({"kind": "unaccented", "terms": [fold(w) for w in b]})
    for w in ones[:2]:
        queries.append({"kind": "filtered", "terms": [w], "date": ("2019-01-01", "2020-01-01")})
        queries.append({"kind": "filtered", "terms": [w], "title": True})
    return queries


def ours(q):
    body = '"%s"' % " ".join(q["terms"]) if q.get("phrase") else " ".join(q["terms"])
    if q.get("title"):
        body = " ".join("title:" + t for t in q["terms"])
    if q.get("date"):
        body += " after:%s before:%s" % q["date"]
    return body


def tantivy_query(q):
    if q.get("phrase"):
        s = '+"%s"' % " ".join(q["terms"])
    elif q.get("title"):
        s = " ".join("+title:%s" % t for t in q["terms"])
    else:
        s = " ".join("+" + t for t in q["terms"])
    if q.get("date"):
        s += " +published:[%sT00:00:00+07:00 TO %sT00:00:00+07:00}" % q["date"]
    return s


def fts_query(q):
    if q.get("phrase"):
        return '"%s"' % " ".join(q["terms"])
    if q.get("title"):
        return " AND ".join('title : "%s"' % t for t in q["terms"])
    return " AND ".join('"%s"' % t for t in q["terms"])


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(-(-p * len(values) // 1)) - 1))]


# ---------------------------------------------------------------------------------------------
# Reference engines


def text_bytes(docs):
    return sum(len(t.encode()) + len(b.encode()) for _, t, b, _ in docs)


def run_tantivy(docs, queries, iterations):
    import tantivy

    path = tempfile.mkdtemp(prefix="tantivy-bench-")
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=False)
    sb.add_text_field("body", stored=False)
    sb.add_date_field("published", indexed=True, fast=True)
    index = tantivy.Index(sb.build(), path=path)
    start = time.perf_counter()
    writer = index.writer(heap_size=512_000_000, num_threads=2)
    for doc_id, title, body, published in docs:
        fields = {"id": doc_id, "title": title, "body": body}
        if published:
            fields["published"] = published
        writer.add_document(tantivy.Document(**fields))
    writer.commit()
    writer.wait_merging_threads()
    build = time.perf_counter() - start
    index.reload()
    size = sum(os.path.getsize(os.path.join(path, f)) for f in os.listdir(path))
    searcher = index.searcher()
    timings = []
    for q in queries:
        text = tantivy_query(q)
        runs, count = [], 0
        for i in range(iterations + 3):
            t0 = time.perf_counter()
            parsed = index.parse_query(text, ["title", "body"], field_boosts={"title": 2.5})
            result = searcher.search(parsed, 10)
            elapsed = time.perf_counter() - t0
            count = result.count
            if i >= 3:
                runs.append(elapsed * 1e6)
        timings.append({"p50": pct(runs, 0.5), "p99": pct(runs, 0.99), "matches": count})
    shutil.rmtree(path, ignore_errors=True)
    return {"build": build, "bytes": size, "queries": timings}


def run_fts5(docs, queries, iterations):
    path = tempfile.mktemp(prefix="fts5-bench-", suffix=".db")
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute('CREATE VIRTUAL TABLE docs USING fts5(title, body, published UNINDEXED, tokenize="unicode61 remove_diacritics 0")')
    start = time.perf_counter()
    db.executemany(
        "INSERT INTO docs(title, body, published) VALUES (?, ?, ?)",
        ((t, b, int(p.timestamp()) if p else None) for _, t, b, p in docs),
    )
    db.commit()
    build = time.perf_counter() - start
    size = os.path.getsize(path)
    timings = []
    for q in queries:
        sql = "SELECT rowid, bm25(docs, 2.5, 1.0) AS r FROM docs WHERE docs MATCH ?"
        args = [fts_query(q)]
        if q.get("date"):
            lo, hi = [int(datetime.datetime.fromisoformat(d + "T00:00:00+07:00").timestamp()) for d in q["date"]]
            sql += " AND published >= ? AND published < ?"
            args += [lo, hi]
        count = db.execute("SELECT count(*) FROM (%s)" % sql, args).fetchone()[0]
        sql += " ORDER BY r LIMIT 10"
        runs = []
        for i in range(iterations + 3):
            t0 = time.perf_counter()
            db.execute(sql, args).fetchall()
            elapsed = time.perf_counter() - t0
            if i >= 3:
                runs.append(elapsed * 1e6)
        timings.append({"p50": pct(runs, 0.5), "p99": pct(runs, 0.99), "matches": count})
    db.close()
    os.remove(path)
    return {"build": build, "bytes": size, "queries": timings}


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--corpus", default="/tmp/corpus-bench-%d")
    ap.add_argument("--iterations", type=int, default=50)
    ap.add_argument("--skip-fts5", action="store_true")
    args = ap.parse_args()
    corpus = args.corpus % args.count if "%d" in args.corpus else args.corpus

    subprocess.run(["swift", "build", "-c", "release", "--product", "corpus"], cwd=ROOT, check=True, capture_output=True)
    binary = os.path.join(ROOT, ".build", "release", "corpus")
    origin = ensure_corpus(corpus, args.count, binary)
    docs = read_articles(corpus)
    queries = pick_queries(docs)
    qfile = tempfile.mktemp(suffix=".tsv")
    with open(qfile, "w", encoding="utf-8") as f:
        for q in queries:
            f.write("%s\t%s\n" % (q["kind"], ours(q)))

    r = subprocess.run(
        [binary, "bench-search", "--corpus", corpus, "--queries", qfile, "--iterations", str(args.iterations), "--json"],
        capture_output=True, text=True, check=True,
    )
    mine = json.loads(r.stdout)
    tan = run_tantivy(docs, queries, args.iterations)
    fts = None if args.skip_fts5 else run_fts5(docs, queries, args.iterations)

    mb = mine["textBytes"] / 1e6
    print("corpus: %s (%d articles, %.0f MB of text; %s)" % (corpus, mine["articles"], mb, origin))
    print("%-24s %12s %12s %12s" % ("", "ours", "tantivy", "fts5"))
    print("%-24s %12.1f %12.1f %12s" % ("index build MB/s", mine["buildMBPerSecond"], mb / tan["build"], "%.1f" % (mb / fts["build"]) if fts else "-"))
    print("%-24s %12.1f %12.1f %12s" % ("build seconds", mine["buildSeconds"], tan["build"], "%.1f" % fts["build"] if fts else "-"))
    print("%-24s %12.2f %12.2f %12s" % ("index size / text", mine["indexBytes"] / mine["textBytes"], tan["bytes"] / mine["textBytes"], "%.2f" % (fts["bytes"] / mine["textBytes"]) if fts else "-"))
    print()
    # "ours p50" is top-10 ids and scores plus the match count, what Tantivy and FTS5 are timed
    # on; "+snip" is the same with each hit's snippet and highlights built (what the server sends).
    print("%-10s %-34s %8s %8s %8s %8s %8s %8s %9s %9s %8s %8s" % ("kind", "query", "ours p50", "p99", "+snip", "first", "tan p50", "fts p50", "tan/ours", "fts/ours", "n ours", "n tan"))
    per_kind = collections.defaultdict(list)
    for q, m, t, f in zip(queries, mine["queries"], tan["queries"], fts["queries"] if fts else [None] * len(queries)):
        per_kind[q["kind"]].append((m, t, f))
        print("%-10s %-34s %8.0f %8.0f %8.0f %8.0f %8.0f %8s %9.2f %9s %8d %8d" % (
            q["kind"], ours(q)[:34], m["bareP50Micros"], m["bareP99Micros"], m["p50Micros"], m["firstHitP50Micros"], t["p50"],
            "%.0f" % f["p50"] if f else "-", t["p50"] / m["bareP50Micros"], "%.2f" % (f["p50"] / m["bareP50Micros"]) if f else "-",
            m["matches"], t["matches"]))
    print()
    print("%-10s %12s %12s %12s %12s %10s %10s %14s" % ("kind", "ours p50 µs", "+snippets", "tantivy p50", "fts5 p50", "tan/ours", "fts/ours", "max first µs"))
    for kind, rows in per_kind.items():
        o = statistics.median(m["bareP50Micros"] for m, _, _ in rows)
        snip = statistics.median(m["p50Micros"] for m, _, _ in rows)
        t = statistics.median(t["p50"] for _, t, _ in rows)
        f = statistics.median(f["p50"] for _, _, f in rows) if fts else None
        first = max(m["firstHitMaxMicros"] for m, _, _ in rows)
        print("%-10s %12.0f %12.0f %12.0f %12s %10.2f %10s %14.0f" % (kind, o, snip, t, "%.0f" % f if f else "-", t / o, "%.2f" % (f / o) if f else "-", first))
    json.dump({"ours": mine, "tantivy": tan, "fts5": fts, "queries": queries}, open("/tmp/bench-search-result.json", "w"), default=str)


if __name__ == "__main__":
    main()
