#!/usr/bin/env python3
"""Rebuild data/regions.json from the source files in data/ (Python 3 standard library only).

Run from anywhere:  python3 data/scripts/build_regions.py [--check]

--check  rebuilds in memory and exits non-zero when data/regions.json differs.

What it does (see data/README.md for the why):
  * Haaglanden, Stadsregio Rotterdam, Stadsregio Amsterdam, Rivierenland (2019): member
    names are looked up in nl-municipalities-2019.json; a name that is not found is an error.
  * Rivierenland (10 members, 2014-2018 division): populations from
    nl-municipalities-population-2016.php (CBS-style names, 1 January 2016; see README),
    GM codes, neighbours and centroids from nl-gemeente-2014.topojson.
    Neighbours: polygons that share at least one arc. Centroid: area-weighted planar
    centroid (shoelace) of all rings in lon/lat, rounded to 5 decimals -- the same method as
    the derived 2019 file, which this script re-derives as a self-check.
"""
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent


def load_json(name):
    with open(DATA / name, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- TopoJSON geometry

def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def arc_index(i):
    return ~i if i < 0 else i


def polygons_of(geom):
    if geom["type"] == "Polygon":
        return [geom["arcs"]]
    if geom["type"] == "MultiPolygon":
        return geom["arcs"]
    return []


def ring_points(ring, arcs):
    pts = []
    for k, i in enumerate(ring):
        a = arcs[~i][::-1] if i < 0 else arcs[i]
        pts.extend(a if k == 0 else a[1:])
    return pts


def centroid(geom, arcs):
    area2 = cx = cy = 0.0
    for poly in polygons_of(geom):
        for ring in poly:
            p = ring_points(ring, arcs)
            for (x0, y0), (x1, y1) in zip(p, p[1:]):
                c = x0 * y1 - x1 * y0
                area2 += c
                cx += (x0 + x1) * c
                cy += (y0 + y1) * c
    return [round(cx / (3 * area2), 5), round(cy / (3 * area2), 5)]


def neighbours(geoms):
    """code -> sorted codes of municipalities whose polygons share an arc with it."""
    users = {}
    for g in geoms:
        code = g["properties"]["statcode"]
        for poly in polygons_of(g):
            for ring in poly:
                for i in ring:
                    users.setdefault(arc_index(i), set()).add(code)
    out = {g["properties"]["statcode"]: set() for g in geoms}
    for codes in users.values():
        for a in codes:
            out[a] |= codes - {a}
    return {k: sorted(v) for k, v in out.items()}


# ---------------------------------------------------------------- sources

def parse_units_php(path):
    text = (DATA / path).read_text(encoding="utf-8")
    pairs = re.findall(r'"name" => "([^"]*)",\s*"inhabitants" => (\d+)', text)
    return {name: int(pop) for name, pop in pairs}


def self_check_2019(muni2019):
    """Re-derive neighbours and centroids of the shared 2019 file from its TopoJSON."""
    topo = load_json("nl-gemeente-2019.topojson")
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["gemeente_2019"]["geometries"]
    nb = neighbours(geoms)
    cen = {g["properties"]["statcode"]: centroid(g, arcs) for g in geoms}
    for m in muni2019:
        if nb[m["code"]] != sorted(m["neighbours"]):
            sys.exit(f"self-check: neighbours of {m['code']} differ from nl-municipalities-2019.json")
        if cen[m["code"]] != m["centroid"]:
            sys.exit(f"self-check: centroid of {m['code']} {cen[m['code']]} != {m['centroid']}")


# ---------------------------------------------------------------- regions

def codes_for(names, by_name):
    missing = [n for n in names if n not in by_name]
    if missing:
        sys.exit(f"not in nl-municipalities-2019.json: {missing}")
    return sorted(by_name[n]["code"] for n in names)


RIVIERENLAND_2014 = ["Buren", "Culemborg", "Geldermalsen", "Lingewaal", "Maasdriel",
                     "Neder-Betuwe", "Neerijnen", "Tiel", "West Maas en Waal", "Zaltbommel"]
WEST_BETUWE_PARTS = {"Geldermalsen", "Lingewaal", "Neerijnen"}


def rivierenland_2016(muni2019_by_name):
    pop2016 = parse_units_php("nl-municipalities-population-2016.php")
    topo = load_json("nl-gemeente-2014.topojson")
    arcs = decode_arcs(topo)
    geoms = topo["objects"]["gemeente_2014"]["geometries"]
    by_name = {g["properties"]["statnaam"]: g for g in geoms}
    nb = neighbours(geoms)
    missing = [n for n in RIVIERENLAND_2014 if n not in by_name or n not in pop2016]
    if missing:
        sys.exit(f"Rivierenland members missing from the 2014 TopoJSON or the 2016 populations: {missing}")
    codes = {by_name[n]["properties"]["statcode"] for n in RIVIERENLAND_2014}
    out = []
    for n in RIVIERENLAND_2014:
        g = by_name[n]
        code = g["properties"]["statcode"]
        # Province: the 2019 province of the same municipality, or of West Betuwe for its three parts.
        prov = muni2019_by_name["West Betuwe" if n in WEST_BETUWE_PARTS else n]["province"]
        out.append({
            "code": code,
            "name": n,
            "province": prov,
            "population": pop2016[n],
            "centroid": centroid(g, arcs),
            "neighbours": [c for c in nb[code] if c in codes],
        })
    return sorted(out, key=lambda m: m["code"])


def build():
    muni = load_json("nl-municipalities-2019.json")
    self_check_2019(muni)
    by_name = {m["name"]: m for m in muni}
    src2019 = ("data/nl-municipalities-2019.json: 2019 municipal boundaries (CBS/PDOK via cartomap/nl), "
               "population mid-2020 (CBS 37230ned via mzelst/covid-19)")
    regions = [
        {
            "id": "haaglanden",
            "name": "Haaglanden",
            "description": "The nine municipalities around The Hague that formed the WGR-plus region "
                           "Stadsgewest Haaglanden (WGR-plus regions were abolished on 1 January 2015). All nine "
                           "exist unchanged in the 2019 division, so the 2019 data has all 9.",
            "reference": "Members of the WGR-plus region Stadsgewest Haaglanden (Wet gemeenschappelijke regelingen "
                         "plus), as listed for this project: Delft, 's-Gravenhage, Leidschendam-Voorburg, "
                         "Midden-Delfland, Pijnacker-Nootdorp, Rijswijk, Wassenaar, Westland, Zoetermeer.",
            "year": 2019,
            "source": src2019,
            "members": codes_for(["Delft", "'s-Gravenhage", "Leidschendam-Voorburg", "Midden-Delfland",
                                  "Pijnacker-Nootdorp", "Rijswijk", "Wassenaar", "Westland", "Zoetermeer"], by_name),
        },
        {
            "id": "stadsregio-rotterdam",
            "name": "Stadsregio Rotterdam",
            "description": "The WGR-plus region Stadsregio Rotterdam as it was in 2014 (15 members), in 2019 "
                           "boundaries. Bernisse and Spijkenisse merged into Nissewaard on 1 January 2015, so the "
                           "2019 data gives 14 municipalities: Nissewaard stands for the two former members.",
            "reference": "The 15 members of the Stadsregio Rotterdam in 2014: Albrandswaard, Barendrecht, Bernisse, "
                         "Brielle, Capelle aan den IJssel, Hellevoetsluis, Krimpen aan den IJssel, Lansingerland, "
                         "Maassluis, Ridderkerk, Rotterdam, Schiedam, Spijkenisse, Vlaardingen, Westvoorne.",
            "year": 2019,
            "source": src2019,
            "members": codes_for(["Albrandswaard", "Barendrecht", "Brielle", "Capelle aan den IJssel",
                                  "Hellevoetsluis", "Krimpen aan den IJssel", "Lansingerland", "Maassluis",
                                  "Nissewaard", "Ridderkerk", "Rotterdam", "Schiedam", "Vlaardingen",
                                  "Westvoorne"], by_name),
        },
        {
            "id": "stadsregio-amsterdam",
            "name": "Stadsregio Amsterdam",
            "description": "The WGR-plus region Stadsregio Amsterdam as it was in 2014 (16 members), in 2019 "
                           "boundaries. Zeevang merged into Edam-Volendam on 1 January 2016, so the 2019 data "
                           "gives 15 municipalities: Edam-Volendam includes the former Zeevang.",
            "reference": "The 16 members of the Stadsregio Amsterdam in 2014: Aalsmeer, Amstelveen, Amsterdam, "
                         "Beemster, Diemen, Edam-Volendam, Haarlemmermeer, Landsmeer, Oostzaan, Ouder-Amstel, "
                         "Purmerend, Uithoorn, Waterland, Wormerland, Zaanstad, Zeevang.",
            "year": 2019,
            "source": src2019,
            "members": codes_for(["Aalsmeer", "Amstelveen", "Amsterdam", "Beemster", "Diemen", "Edam-Volendam",
                                  "Haarlemmermeer", "Landsmeer", "Oostzaan", "Ouder-Amstel", "Purmerend",
                                  "Uithoorn", "Waterland", "Wormerland", "Zaanstad"], by_name),
        },
        {
            "id": "rivierenland",
            "name": "Regio Rivierenland",
            "description": "Regio Rivierenland with its 10 municipalities of 2014-2018, before Geldermalsen, "
                           "Lingewaal and Neerijnen merged into West Betuwe (1 January 2019). Populations are "
                           "those of 1 January 2016 (CBS figures, taken from a public copy; see data/README.md); "
                           "codes, neighbours and centroids come from the 2014 boundaries. For the same region "
                           "in 2019 boundaries (8 municipalities) use 'rivierenland-2019'.",
            "reference": "The 10 member municipalities of the Regio Rivierenland in 2014-2018: Buren, Culemborg, "
                         "Geldermalsen, Lingewaal, Maasdriel, Neder-Betuwe, Neerijnen, Tiel, West Maas en Waal, "
                         "Zaltbommel.",
            "year": 2016,
            "source": "populations: data/nl-municipalities-population-2016.php (ShaunVanBeurden/PosterHouse "
                      "database/data/units.php; CBS names, sums to the CBS total for 1 January 2016); codes, "
                      "neighbours and centroids: data/nl-gemeente-2014.topojson (CBS/PDOK via cartomap/nl)",
            "municipalities": rivierenland_2016(by_name),
        },
        {
            "id": "rivierenland-2019",
            "name": "Regio Rivierenland (2019 boundaries)",
            "description": "Regio Rivierenland in the 2019 division: 8 municipalities, because Geldermalsen, "
                           "Lingewaal and Neerijnen merged into West Betuwe on 1 January 2019. Same data basis "
                           "as the other 2019 regions (mid-2020 population).",
            "reference": "The 10 members of 2014-2018 mapped onto the 2019 division: Buren, Culemborg, Maasdriel, "
                         "Neder-Betuwe, Tiel, West Betuwe, West Maas en Waal, Zaltbommel.",
            "year": 2019,
            "source": src2019,
            "members": codes_for(["Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe",
                                  "West Maas en Waal", "Zaltbommel"], by_name),
        },
        {
            "id": "netherlands",
            "name": "Netherlands",
            "description": "All 355 municipalities of the Netherlands in the 2019 division. Five Wadden islands "
                           "(Texel, Vlieland, Terschelling, Ameland, Schiermonnikoog) have no neighbours because "
                           "water boundaries are not shared.",
            "reference": "Every municipality in data/nl-municipalities-2019.json.",
            "year": 2019,
            "source": src2019,
            "all": True,
        },
    ]
    return {
        "//": "Built-in regions. Generated by data/scripts/build_regions.py; see data/README.md.",
        "regions": regions,
    }


def dump(obj, indent=0):
    """JSON with arrays of scalars and municipality records kept on one line."""
    pad = "  " * indent
    if isinstance(obj, dict):
        if "code" in obj and "population" in obj:
            return json.dumps(obj, ensure_ascii=False)
        items = [f'{pad}  {json.dumps(k)}: {dump(v, indent + 1)}' for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + f"\n{pad}}}"
    if isinstance(obj, list):
        if all(not isinstance(v, (dict, list)) for v in obj):
            return json.dumps(obj, ensure_ascii=False)
        items = [f"{pad}  {dump(v, indent + 1)}" for v in obj]
        return "[\n" + ",\n".join(items) + f"\n{pad}]"
    return json.dumps(obj, ensure_ascii=False)


def main():
    text = dump(build()) + "\n"
    target = DATA / "regions.json"
    if "--check" in sys.argv:
        same = target.exists() and target.read_text(encoding="utf-8") == text
        print("regions.json is up to date" if same else "regions.json differs from a fresh build")
        sys.exit(0 if same else 1)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
