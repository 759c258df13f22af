"""Hand-curated part of the built-in post-Soviet world (read by tools/mkworld.py).

Everything here either points at a row of ../shared/data/postsoviet (a facts.csv
row by country and indicator, a timeline.csv row by date and a word of its text)
or at a seed article by file name with a short quote that mkworld.py checks
against the seed when ../shared/seeds is present. A number written here must
occur in the text of the row it cites (`evidence`); mkworld.py refuses to write
the world otherwise. Nothing here is a figure without a source, except the few
entries marked `assumption` with their reason.
"""

SEED_000 = "000_7db1c7819fb02ab3.txt"
SEED_001 = "001_d2b80962dc7b4d43.txt"
SEED_002 = "002_6b6cecb48dbf384d.txt"
SEED_003 = "003_9afb83b4066e4e96.txt"
SEED_004 = "004_b1e82aaae2434ba0.txt"

WORLD = {
    "name": "Post-Soviet space",
    "description": (
        "The 15 post-Soviet states, the outside poles (China, Turkey, Iran, India, "
        "the United States, the EU; Mongolia and Serbia as UN voters), the "
        "institutions that bind them (CSTO, EAEU, CIS, SCO, NATO, EU, OTS, GUAM, "
        "Union State) and the events of 1992 to August 2024, from the sourced "
        "facts in shared/data/postsoviet and the five seed articles. Generated "
        "by tools/mkworld.py; see worlds/README.md."),
    "start": "1991-12-26",
    "end": "2030-12-31",
    # Structural shares (trade, energy, money, people) are known for a few years
    # only and move slowly: the earliest figure holds back to the world's start.
    # Security, arms and bases still start when first recorded (docs/WORLD.md).
    "ties_before_first_year": "earliest",
}

# Country names as written in the CSV files -> ISO 3166-1 alpha-3.
COUNTRIES = {
    "Russia": "RUS", "Belarus": "BLR", "Ukraine": "UKR", "Moldova": "MDA",
    "Georgia": "GEO", "Armenia": "ARM", "Azerbaijan": "AZE", "Kazakhstan": "KAZ",
    "Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Turkmenistan": "TKM",
    "Uzbekistan": "UZB", "Estonia": "EST", "Latvia": "LVA", "Lithuania": "LTU",
    "China": "CHN", "Turkey": "TUR", "Iran": "IRN", "India": "IND",
    "United States": "USA", "Mongolia": "MNG", "Serbia": "SRB",
}

# (id, English name, kind); states take their name from COUNTRIES.
OTHER_ACTORS = [
    ("EU", "European Union", "bloc"),
    ("CSTO", "Collective Security Treaty Organization", "organisation"),
    ("EAEU", "Eurasian Economic Union", "organisation"),
    ("CIS", "Commonwealth of Independent States", "organisation"),
    ("SCO", "Shanghai Cooperation Organisation", "organisation"),
    ("NATO", "North Atlantic Treaty Organization", "organisation"),
    ("OTS", "Organization of Turkic States", "organisation"),
    ("GUAM", "GUAM Organization for Democracy and Economic Development", "organisation"),
    ("UNION_STATE", "Union State of Russia and Belarus", "organisation"),
    ("UNGA", "United Nations General Assembly", "organisation"),
    ("ABKHAZIA", "Abkhazia", "territory"),
    ("SOUTH_OSSETIA", "South Ossetia", "territory"),
    ("TRANSNISTRIA", "Transnistria", "territory"),
    ("KARABAKH", "Nagorno-Karabakh", "territory"),
    ("CRIMEA", "Crimea", "territory"),
]

# ---- actor attributes that need a choice (the plain series are read by rule) ----

# Remittance alternatives (facts.csv remittances_pct_gdp_alt) named in the note of
# the main series value of the same country and year.
REMITTANCE_ALT_REASON = (
    "the WDI/CIA series is used because it covers every country of the world on "
    "one definition")

# Curated numeric attributes: (actor, name, value, year, row, evidence, note).
# `row` is (country, indicator[, n]) naming the facts.csv row (n-th of that
# country and indicator, default 0) whose source is cited.
ATTRIBUTES = [
    ("TJK", "russian_troops_hosted", 7000, 2022, ("Tajikistan", "russian_troops"),
     "7,000", "'up to 7,000' (RFE/RL 2022; ~7,000 in 2016 per RBC): an upper figure"),
    ("KGZ", "russian_troops_hosted", 500, 2022, ("Kyrgyzstan", "russian_troops"),
     "about 500", "'about 500', reported, not officially published"),
    ("ARM", "russian_troops_hosted", 3083, 2010, ("Armenia", "russian_troops"),
     "3,083",
     "CONFLICTING: 3,083 staff (Caucasian Knot) used as the only exact count; "
     "~3,500 (UNIAN 2010) and ~5,000 (RIA Novosti via army-technology 2011) are "
     "rounded press figures"),
    ("MDA", "russian_troops_hosted", 1500, 2025, ("Moldova", "russian_troops"),
     "1,500", "'approximately 1,500', including Transnistrian locals serving as "
     "Russian troops"),
    ("GEO", "russian_troops_hosted", 7600, 2008, ("Georgia", "russian_troops"),
     "7,600", "planned 3,800 per base in Abkhazia and South Ossetia (Serdyukov, Sept "
     "2008); ICG (2013): ~3,500 military + 1,500 FSB in Abkhazia; 4th base ~5,000 "
     "(2022 fact-check). The 2008 plan is used as the only figure covering both bases"),
    ("BLR", "russian_troops_hosted", 30000, 2022, ("Belarus", "russian_troops"),
     "30,000", "~30,000 combat troops for the 'Allied Resolve-2022' exercise "
     "(10-20 Feb 2022) per NATO's Secretary-General, before the invasion; not a "
     "standing garrison"),
    ("AZE", "russian_troops_hosted", 1960, 2020, ("Azerbaijan", "russian_military_presence"),
     "1,960", "Russian peacekeepers in Nagorno-Karabakh 2020-11-10 to 2024-06-13"),
    ("BLR", "trade_with_russia_usd", 50e9, 2022, ("Belarus", "trade_with_russia_usd", 0),
     "~50bn",
     "CONFLICTING: 45.8bn (Russian ambassador), ~50bn (Belarusian statistics), "
     ">35bn (Putin). Belarusian national statistics used, as for 2023 and as for "
     "the Kazakh and Uzbek trade shares (reporter's own statistics)"),
    ("BLR", "trade_with_russia_usd", 54e9, 2023, ("Belarus", "trade_with_russia_usd", 1),
     "54bn",
     "CONFLICTING: 46.5bn (Russian data) vs 54bn (Belarusian data); the reporter's "
     "own (Belarusian) statistics used, as for the other countries' trade shares"),
    ("ARM", "trade_with_russia_usd", 7.3e9, 2023, ("Armenia", "trade_with_russia_usd"),
     "7.3bn", "'over 7.3bn': a lower bound"),
    ("TJK", "remittances_from_russia_usd", 3.2e9, 2022,
     ("Tajikistan", "remittances_from_russia_usd"), "3.2bn", "'expected ~3.2bn' (RBC)"),
    ("KGZ", "remittances_from_russia_usd", 2.6e9, 2022,
     ("Kyrgyzstan", "remittances_from_russia_usd"), "2.6bn",
     "Jan-Nov 2022, money-transfer systems only"),
    ("UZB", "remittances_from_russia_usd", 14.5e9, 2022,
     ("Uzbekistan", "remittances_from_russia_usd"), "14.5bn",
     "money-transfer systems only (2.6x 2021)"),
    ("KAZ", "remittances_from_russia_usd", 775.4e6, 2022,
     ("Kazakhstan", "remittances_from_russia_usd"), "775.4m", "6.8x 2021"),
    ("GEO", "remittances_from_russia_usd", 2e9, 2022,
     ("Georgia", "remittances_from_russia_usd"), "~2bn", "'~2bn' vs 411.3m in 2021"),
    ("KAZ", "oil_exports_tonnes", 67.6e6, 2021, ("Kazakhstan", "oil_exports_total"),
     "67.6 million", "production 85.9 Mt"),
    ("MDA", "cobasna_ammunition_tonnes", 20000, 2005,
     ("Moldova", "cobasna_ammunition_stock"), "20,000",
     "'about 20,000' tonnes at the Cobasna depot guarded by Russian troops, from a "
     "2005 Moldovan Academy of Sciences report cited in 2024"),
]

# ---- ties -----------------------------------------------------------------------

# facts.csv indicators turned into ties by rule: indicator -> (to, tie type).
# A value that is not a plain number is noted with the row's own words; a row that
# says 'not found' / 'not in top-5' gives no tie.
TIE_RULES = {
    "exports_share_russia": ("RUS", "exports"),
    "imports_share_russia": ("RUS", "imports"),
    "exports_share_china": ("CHN", "exports"),
    "imports_share_china": ("CHN", "imports"),
    "ethnic_russian_share": ("RUS", "diaspora"),
}

PRESENCE_NOTE = ("1 codes that Russian forces are present (text of the dataset row); "
                 "it is not a share of anything")

# Curated ties: (from, to, type, ended, [values]); a value is
# (share, year, row, evidence, note).
TIES = [
    ("AZE", "EU", "exports", None, [
        (0.37, 2023, ("Azerbaijan", "exports_share_italy_EU"), "37",
         "Italy alone (CIA top-5 partners); the EU-wide share is at least this")]),
    ("BLR", "RUS", "trade", None, [
        (0.5, 2022, ("Belarus", "total_trade_share_russia"), "over half",
         "'over half of Belarus's external trade (2022-2023)': a lower bound")]),
    ("KAZ", "RUS", "trade", None, [
        (0.186, 2023, ("Kazakhstan", "total_trade_share_russia"), "18.6",
         "Jan-Sep 2023, Kazakh National Statistics Bureau")]),
    ("KAZ", "CHN", "trade", None, [
        (0.213, 2023, ("Kazakhstan", "total_trade_share_china"), "21.3",
         "Jan-Sep 2023, Kazakh National Statistics Bureau")]),
    ("UZB", "RUS", "trade", None, [
        (0.155, 2023, ("Uzbekistan", "total_trade_share_russia"), "15.5",
         "Jan-Nov 2023, Uzbek State Statistics Agency")]),
    ("UZB", "CHN", "trade", None, [
        (0.213, 2023, ("Uzbekistan", "total_trade_share_china"), "21.3",
         "Jan-Nov 2023, Uzbek State Statistics Agency")]),
    ("UZB", "EAEU", "trade", None, [
        (0.30, 2020, ("Uzbekistan", "total_trade_share_EAEU"), "30", None)]),
    ("ARM", "RUS", "trade", None, [
        (0.35, 2023, ("Armenia", "total_trade_share_russia"), "35", "Jan-Oct 2023")]),
    ("ARM", "EU", "trade", None, [
        (0.15, 2023, ("Armenia", "total_trade_share_EU"), "15", "Jan-Oct 2023")]),
    ("ARM", "EAEU", "exports", None, [
        (0.47, 2022, ("Armenia", "EAEU_share_of_trade"), "47%",
         "the maximum share, reached in 2022")]),
    ("ARM", "EAEU", "imports", None, [
        (0.31, 2022, ("Armenia", "EAEU_share_of_trade"), "31%",
         "the maximum share, reached in 2022")]),
    ("ARM", "RUS", "gas", None, [
        (0.80, 2022, ("Armenia", "gas_imports_from_russia_share"), "~80%",
         "'~80% of gas demand supplied by Russia (rest Iran)'")]),
    ("EST", "RUS", "gas", "2022-04-01", [
        (0.93, 2020, ("Estonia", "gas_imports_from_russia_share_prewar"), "93",
         "share of gas imports before the war; imports stopped 2022-04-01")]),
    ("LVA", "RUS", "gas", "2022-04-01", [
        (1.0, 2020, ("Latvia", "gas_imports_from_russia_share_prewar"), "100",
         "share of gas imports before the war; imports stopped 2022-04-01")]),
    ("LTU", "RUS", "gas", "2022-04-01", [
        (0.488, 2020, ("Lithuania", "gas_imports_from_russia_share_prewar"), "48.8",
         "share of gas imports before the war; imports stopped 2022-04-01")]),
    ("KAZ", "RUS", "oil_transit", None, [
        (0.80, 2022, ("Kazakhstan", "oil_exports_via_CPC_share"), "~80%",
         "CONFLICTING: ~80% (The Diplomat 2022, and news-pravda for 2023-24) vs "
         "'over two-thirds' (CPC via portnews 2023); ~80% used because two sources "
         "give it and 'over two-thirds' is a lower bound consistent with it; seed "
         "004 says Kazakhstan 'depends on Russia to get its oil to Europe'")]),
    ("TJK", "RUS", "migration", None, [
        (0.80, 2023, ("Tajikistan", "migration_flows_to_russia_share"), ">80%",
         "'>80% of migration flows': a lower bound")]),
    ("KGZ", "RUS", "migration", None, [
        (0.80, 2023, ("Kyrgyzstan", "migration_flows_to_russia_share"), ">80%",
         "'>80% of migration flows': a lower bound")]),
    ("UZB", "RUS", "migration", None, [
        (0.57, 2023, ("Uzbekistan", "migrants_residing_in_russia_share"), "57%",
         "share of Uzbek migrants residing in Russia")]),
    ("UZB", "KAZ", "migration", None, [
        (0.15, 2023, ("Uzbekistan", "migrants_residing_in_russia_share"), "15%",
         "share of Uzbek migrants residing in Kazakhstan")]),
    ("UZB", "UKR", "migration", None, [
        (0.10, 2023, ("Uzbekistan", "migrants_residing_in_russia_share"), "10%",
         "share of Uzbek migrants residing in Ukraine")]),
    ("KGZ", "RUS", "remittances", None, [
        (0.955, 2022, ("Kyrgyzstan", "remittances_from_russia_share"), "95.5%",
         "share of money transfers in May 2022; 91% in March 2022")]),
    ("KAZ", "RUS", "remittances", None, [
        (0.66, 2022, ("Kazakhstan", "remittances_from_russia_share"), "66%",
         "share of money transfers in May 2022; 17.8% in March 2022 (inflow "
         "after the invasion)")]),
    ("GEO", "RUS", "remittances", None, [
        (0.50, 2013, ("Georgia", "remittances_from_russia_share"), ">50% in 2013",
         "'>50%': a lower bound"),
        (0.20, 2020, ("Georgia", "remittances_from_russia_share"), "<20% in 2020",
         "'<20%': an upper bound"),
        (0.62, 2022, ("Georgia", "remittances_from_russia_share"), "62% (May 2022)",
         "share of money transfers in May 2022; 54% in June 2022"),
        (0.189, 2024, ("Georgia", "remittances_from_russia_share"), "18.9%",
         "Jan-Jul 2024; 15.3% in July 2024")]),
    ("ARM", "RUS", "remittances", None, [
        (0.40, 2013, ("Armenia", "remittances_from_russia_share"), "about 40%",
         "World Bank figure quoted by a blog; dated, low reliability")]),
    ("MDA", "RUS", "remittances", None, [
        (0.40, 2013, ("Moldova", "remittances_from_russia_share"), "about 40%",
         "World Bank figure quoted by a blog; dated, low reliability")]),
    ("UKR", "RUS", "remittances", None, [
        (0.40, 2013, ("Ukraine", "remittances_from_russia_share"), "about 40%",
         "World Bank figure quoted by a blog; dated, low reliability")]),
    # Russian language: share of the population for whom Russian is native /
    # spoken / understood, as the CIA text gives it; the measure is named per value.
    ("BLR", "RUS", "language", None, [
        (0.714, 2019, ("Belarus", "russian_language_status"), "71.4%",
         "share who speak Russian (co-official language)")]),
    ("UKR", "RUS", "language", None, [
        (0.296, 2001, ("Ukraine", "russian_language_status"), "29.6%",
         "share with Russian as native language (2001 census)")]),
    ("MDA", "RUS", "language", None, [
        (0.097, 2014, ("Moldova", "russian_language_status"), "9.7%",
         "share with Russian as mother tongue")]),
    ("GEO", "RUS", "language", None, [
        (0.012, 2014, ("Georgia", "russian_language_status"), "1.2%",
         "share of Russian speakers as the CIA lists them")]),
    ("ARM", "RUS", "language", None, [
        (0.014, 2022, ("Armenia", "russian_language_status"), "1.4%",
         "share of Russian speakers as the CIA lists them")]),
    ("AZE", "RUS", "language", None, [
        (0.01, 2019, ("Azerbaijan", "russian_language_status"), "<1%",
         "'<1% native but widely spoken': an upper bound of native speakers")]),
    ("KAZ", "RUS", "language", None, [
        (0.837, 2021, ("Kazakhstan", "russian_language_status"), "83.7%",
         "share who understand Russian; Russian is used 'on par' with Kazakh in "
         "state bodies")]),
    ("KGZ", "RUS", "language", None, [
        (0.09, 2009, ("Kyrgyzstan", "russian_language_status"), "9%",
         "share of Russian speakers as the CIA lists them (Russian is an official "
         "language)")]),
    ("TJK", "RUS", "language", None, [
        (0.005, 2010, ("Tajikistan", "russian_language_status"), "0.5%",
         "native speakers; Russian is 'widely used in government and business'")]),
    ("EST", "RUS", "language", None, [
        (0.285, 2021, ("Estonia", "russian_language_status"), "28.5%",
         "share of Russian speakers as the CIA lists them")]),
    ("LVA", "RUS", "language", None, [
        (0.338, 2011, ("Latvia", "russian_language_status"), "33.8%",
         "share speaking Russian at home")]),
    ("LTU", "RUS", "language", None, [
        (0.068, 2021, ("Lithuania", "russian_language_status"), "6.8%",
         "share of Russian speakers as the CIA lists them")]),
    # Russian military presence: coded 1 from the dataset rows' text.
    ("TJK", "RUS", "military_presence", None, [
        (1, 2016, ("Tajikistan", "russian_troops"), "2016",
         "201st military base; " + PRESENCE_NOTE)]),
    ("KGZ", "RUS", "military_presence", None, [
        (1, 2017, ("Kyrgyzstan", "russian_military_presence"), "Jan 2017",
         "unified Russian base (Kant air base and others) under the 2012 agreement "
         "in force from 2017; " + PRESENCE_NOTE)]),
    ("ARM", "RUS", "military_presence", None, [
        (1, 1995, ("Armenia", "russian_military_presence"), "1995 treaty",
         "102nd base at Gyumri under the 1995 treaty, extended in 2010 to 2044; "
         + PRESENCE_NOTE)]),
    ("MDA", "RUS", "military_presence", None, [
        (1, 1995, ("Moldova", "russian_military_presence"), "since 1995",
         "Operational Group of Russian Forces in Transnistria; " + PRESENCE_NOTE)]),
    ("TRANSNISTRIA", "RUS", "military_presence", None, [
        (1, 1995, ("Moldova", "russian_military_presence"), "since 1995",
         "Operational Group of Russian Forces and peacekeepers; " + PRESENCE_NOTE)]),
    ("GEO", "RUS", "military_presence", None, [
        (1, 2009, ("Georgia", "russian_military_presence"), "7th military base",
         "7th base (Abkhazia) and 4th base (South Ossetia); " + PRESENCE_NOTE)]),
    ("ABKHAZIA", "RUS", "military_presence", None, [
        (1, 2009, ("Georgia", "russian_military_presence"), "Gudauta, Abkhazia",
         "7th military base (Gudauta; Ochamchire naval point); " + PRESENCE_NOTE)]),
    ("SOUTH_OSSETIA", "RUS", "military_presence", None, [
        (1, 2009, ("Georgia", "russian_military_presence"), "South Ossetia",
         "4th Guards military base (Tskhinvali/Java); " + PRESENCE_NOTE)]),
    ("AZE", "RUS", "military_presence", "2024-06-13", [
        (1, 2020, ("Azerbaijan", "russian_military_presence"), "2020-11-10",
         "peacekeepers in Nagorno-Karabakh, withdrawn by 2024-06-13; " + PRESENCE_NOTE)]),
    ("KARABAKH", "RUS", "military_presence", "2024-06-13", [
        (1, 2020, ("Azerbaijan", "russian_military_presence"), "2020-11-10",
         "Russian peacekeeping contingent, withdrawn by 2024-06-13; " + PRESENCE_NOTE)]),
    ("BLR", "RUS", "military_presence", None, [
        (1, 2022, ("Belarus", "russian_military_presence"), "2022",
         "staging of Russian forces for the 2022 invasion; nuclear weapons deployment "
         "agreed 2023; " + PRESENCE_NOTE)]),
    ("KAZ", "RUS", "military_presence", None, [
        (1, 1994, ("Kazakhstan", "russian_military_presence"), "since 1994",
         "Baikonur cosmodrome leased to Russia (with ICBM test platforms), not a "
         "combat base; " + PRESENCE_NOTE)]),
    ("UKR", "RUS", "military_presence", None, [
        (1, 2014, ("Ukraine", "russian_military_presence"), "Crimea since 2014",
         "occupation (Crimea since 2014, full-scale invasion since 2022), not a "
         "hosted base; " + PRESENCE_NOTE)]),
    ("CRIMEA", "RUS", "military_presence", None, [
        (1, 2014, ("Ukraine", "russian_military_presence"), "Crimea since 2014",
         "occupation since 2014; " + PRESENCE_NOTE)]),
    ("EST", "NATO", "military_presence", None, [
        (1, 2017, ("Estonia", "russian_military_presence"), "since 2017",
         "NATO Enhanced Forward Presence battlegroup since 2017; 1 codes presence")]),
    ("LVA", "NATO", "military_presence", None, [
        (1, 2017, ("Latvia", "russian_military_presence"), "since 2017",
         "NATO Enhanced Forward Presence battlegroup since 2017; 1 codes presence")]),
    ("LTU", "NATO", "military_presence", None, [
        (1, 2017, ("Lithuania", "russian_military_presence"), "since 2017",
         "NATO Enhanced Forward Presence battlegroup since 2017; 1 codes presence")]),
]

# ---- institutions -----------------------------------------------------------------

ALMA_ATA = "https://en.wikipedia.org/wiki/Alma-Ata_Protocol (Alma-Ata Protocol of 1991-12-21, 11 signatories)"

# Membership spans: (actor, role, joined, left, [suspensions], provenance, note).
# provenance: ("row", country, indicator) cites the facts.csv row; ("seed", file);
# ("source", text) for a source looked up outside the dataset; ("assumption", why).
INSTITUTIONS = [
    {
        "id": "CSTO", "leader": "RUS", "commitment": "mutual_defence",
        "commitment_text": ("Article 4: aggression against one member by a state or "
                            "group of states is aggression against all members"),
        "provenance": ("seed", SEED_004),
        "quote": "Article Four of the organization",
        "members": [
            ("RUS", "member", "1992-05-15", None, [], ("row", "Russia", "membership_CSTO")),
            ("ARM", "member", "1992-05-15", None, [("2024-02-22", None)],
             ("row", "Armenia", "membership_CSTO")),
            ("KAZ", "member", "1992-05-15", None, [], ("row", "Kazakhstan", "membership_CSTO")),
            ("KGZ", "member", "1992-05-15", None, [], ("row", "Kyrgyzstan", "membership_CSTO")),
            ("TJK", "member", "1992-05-15", None, [], ("row", "Tajikistan", "membership_CSTO")),
            ("UZB", "member", "1992-05-15", "1999-04-02", [],
             ("row", "Uzbekistan", "membership_CSTO")),
            ("UZB", "member", "2006-08-16", "2012-12-19", [("2012-06-28", "2012-12-19")],
             ("row", "Uzbekistan", "membership_CSTO")),
            ("AZE", "member", "1993-09-24", "1999-04-02", [],
             ("row", "Azerbaijan", "membership_CSTO")),
            ("GEO", "member", "1993-12-09", "1999-04-02", [],
             ("row", "Georgia", "membership_CSTO")),
            ("BLR", "member", "1993-12-31", None, [], ("row", "Belarus", "membership_CSTO")),
        ],
    },
    {
        "id": "EAEU", "leader": "RUS", "commitment": "economic_union",
        "commitment_text": "Treaty on the Eurasian Economic Union (Astana, 2014-05-29)",
        "provenance": ("seed", SEED_002),
        "quote": "under Russian leadership: the Eurasian Economic Union (EAEU) and the CSTO",
        "members": [
            ("RUS", "member", "2015-01-01", None, [], ("row", "Russia", "membership_EAEU")),
            ("BLR", "member", "2015-01-01", None, [], ("row", "Belarus", "membership_EAEU")),
            ("KAZ", "member", "2015-01-01", None, [], ("row", "Kazakhstan", "membership_EAEU")),
            ("ARM", "member", "2015-01-02", None, [], ("row", "Armenia", "membership_EAEU")),
            ("KGZ", "member", "2015-08-06", None, [], ("row", "Kyrgyzstan", "membership_EAEU")),
            ("MDA", "observer", "2018-05", None, [], ("row", "Moldova", "membership_EAEU")),
            ("UZB", "observer", "2020-12-11", None, [], ("row", "Uzbekistan", "membership_EAEU")),
        ],
    },
    {
        "id": "CIS", "leader": "RUS", "commitment": "political",
        "provenance": ("assumption",
                       "Russia coded as the leading member: seed 002 speaks of "
                       "'regional organizations under the aegis of Moscow' but names "
                       "only the EAEU and CSTO; the commitment kind is coded from the "
                       "CIS charter's consultative character"),
        "members": [
            ("RUS", "member", "1991-12-08", None, [], ("row", "Russia", "membership_CIS")),
            ("BLR", "member", "1991-12-08", None, [], ("row", "Belarus", "membership_CIS")),
            ("UKR", "member", "1991-12-08", "2018-05", [], ("row", "Ukraine", "membership_CIS")),
            ("MDA", "member", "1991-12-21", None, [], ("row", "Moldova", "membership_CIS")),
            ("ARM", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("AZE", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("KAZ", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("KGZ", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("TJK", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("UZB", "member", "1991-12-21", None, [], ("source", ALMA_ATA)),
            ("TKM", "member", "1991-12-21", "2005-08-26", [], ("source", ALMA_ATA)),
            ("TKM", "observer", "2005-08-26", None, [], ("row", "Turkmenistan", "membership_CIS")),
            ("GEO", "member", "1993-12", "2009-08-18", [],
             ("source", "https://civil.ge/archives/119287 (Georgia decided to join the "
                        "CIS in December 1993 and formally quit on 2009-08-18); facts.csv "
                        "Georgia membership_CIS: withdrawal effective August 2009")),
        ],
    },
    {
        "id": "SCO", "commitment": "security_cooperation",
        "provenance": ("seed", SEED_001),
        "quote": "a loose regional security grouping",
        "members": [
            ("CHN", "member", "2001-06-15", None, [], ("row", "China", "membership_SCO")),
            ("RUS", "member", "2001-06-15", None, [], ("row", "Russia", "membership_SCO")),
            ("KAZ", "member", "2001-06-15", None, [], ("row", "Kazakhstan", "membership_SCO")),
            ("KGZ", "member", "2001-06-15", None, [], ("row", "Kyrgyzstan", "membership_SCO")),
            ("TJK", "member", "2001-06-15", None, [], ("row", "Tajikistan", "membership_SCO")),
            ("UZB", "member", "2001-06-15", None, [], ("row", "Uzbekistan", "membership_SCO")),
            ("IND", "member", "2017-06-09", None, [], ("row", "India", "membership_SCO")),
            ("IRN", "member", "2023-07-04", None, [], ("row", "Iran", "membership_SCO")),
            ("BLR", "observer", "2015", "2024-07", [], ("row", "Belarus", "membership_SCO")),
            ("BLR", "member", "2024-07", None, [], ("row", "Belarus", "membership_SCO")),
        ],
    },
    {
        "id": "NATO", "leader": "USA", "commitment": "mutual_defence",
        "commitment_text": ("Article 5 of the North Atlantic Treaty: an armed attack "
                            "against one member is an attack against all"),
        "provenance": ("assumption",
                       "the United States coded as the leading member (the largest "
                       "military spender in facts.csv, SIPRI 2023); Article 5 as "
                       "described in seed 004"),
        "members": [
            ("USA", "member", "1949-04-04", None, [],
             ("source", "https://www.jagranjosh.com/general-knowledge/list-of-nato-member-states-1643364720-1 "
                        "(the 12 founding members signed the North Atlantic Treaty on 4 April 1949)")),
            ("TUR", "member", "1952-02-18", None, [],
             ("source", "http://sam.gov.tr/tr/preface-nato-and-turkey-meeting-the-challenge-of-change/ "
                        "(Turkey joined NATO on 18 February 1952)")),
            ("EST", "member", "2004-03-29", None, [], ("row", "Estonia", "membership_NATO")),
            ("LVA", "member", "2004-03-29", None, [], ("row", "Latvia", "membership_NATO")),
            ("LTU", "member", "2004-03-29", None, [], ("row", "Lithuania", "membership_NATO")),
        ],
    },
    {
        "id": "EU", "commitment": "political_union",
        "provenance": ("assumption",
                       "commitment kind coded from the EU treaties; no leading member "
                       "coded; only the EU members that are actors of this world are "
                       "listed"),
        "members": [
            ("EST", "member", "2004-05-01", None, [], ("row", "Estonia", "membership_EU")),
            ("LVA", "member", "2004-05-01", None, [], ("row", "Latvia", "membership_EU")),
            ("LTU", "member", "2004-05-01", None, [], ("row", "Lithuania", "membership_EU")),
        ],
    },
    {
        "id": "OTS", "commitment": "political",
        "provenance": ("assumption",
                       "commitment kind coded from the Nakhchivan Agreement (a "
                       "cooperation council); no leading member coded"),
        "members": [
            ("AZE", "member", "2009-10-03", None, [], ("row", "Azerbaijan", "membership_OTS")),
            ("KAZ", "member", "2009-10-03", None, [], ("row", "Kazakhstan", "membership_OTS")),
            ("KGZ", "member", "2009-10-03", None, [], ("row", "Kyrgyzstan", "membership_OTS")),
            ("TUR", "member", "2009-10-03", None, [], ("row", "Turkey", "membership_OTS")),
            ("UZB", "member", "2019-10", None, [], ("row", "Uzbekistan", "membership_OTS")),
            ("TKM", "observer", "2021-11", None, [], ("row", "Turkmenistan", "membership_OTS")),
        ],
    },
    {
        "id": "GUAM", "commitment": "political",
        "provenance": ("assumption",
                       "commitment kind coded from GUAM's origin as a consultative "
                       "forum (1997) with a charter of 2001; no leading member coded"),
        "members": [
            ("GEO", "member", "1997-10-10", None, [], ("row", "Georgia", "membership_GUAM")),
            ("UKR", "member", "1997-10-10", None, [], ("row", "Ukraine", "membership_GUAM")),
            ("AZE", "member", "1997-10-10", None, [], ("row", "Azerbaijan", "membership_GUAM")),
            ("MDA", "member", "1997-10-10", None, [], ("row", "Moldova", "membership_GUAM")),
            ("UZB", "member", "1999", "2005-05", [], ("row", "Uzbekistan", "membership_GUAM")),
        ],
    },
    {
        "id": "UNION_STATE", "leader": "RUS", "commitment": "political_union",
        "commitment_text": "Treaty on the Creation of a Union State (Moscow, 1999-12-08)",
        "provenance": ("assumption",
                       "Russia coded as the leading member: seed 000 describes "
                       "Lukashenko's regime as 'sustained largely by Moscow's "
                       "support'; the kind is coded from the treaty's name"),
        "members": [
            ("RUS", "member", "1999-12-08", None, [], ("row", "Russia", "membership_Union State")),
            ("BLR", "member", "1999-12-08", None, [], ("row", "Belarus", "membership_Union State")),
        ],
    },
]

# Notes on memberships whose dates involved a choice: (institution, actor, joined) -> note.
MEMBERSHIP_NOTES = {
    ("CSTO", "RUS", "1992-05-15"): "joined = signature of the Collective Security Treaty (Tashkent); in force 1994-04-20; CSTO charter 2002-10-07",
    ("CSTO", "ARM", "1992-05-15"): "suspension from 2024-02-22, when PM Pashinyan said participation was 'frozen' (reported 2024-02-22/23); funding stopped May 2024; on 2024-12-04 he said Armenia considers itself outside the CSTO, not yet a formal exit",
    ("CSTO", "UZB", "1992-05-15"): "did not renew the treaty on 1999-04-02",
    ("CSTO", "UZB", "2006-08-16"): "rejoined by protocol 2006-08-16; suspended its participation 2012-06-28 (note of 2012-06-20); the CSTO formally suspended its membership on 2012-12-19, coded as leaving (seed 004 speaks of Uzbekistan's 'withdrawal ... again in 2012')",
    ("EAEU", "MDA", "2018-05"): "CONFLICTING: observer since 2017-04-14 (Wikipedia mirror) vs May 2018 (Kazinform); the news agency's date is used over the unofficial mirror",
    ("CIS", "UKR", "1991-12-08"): "never ratified the CIS charter; ended participation in CIS statutory bodies in May 2018, coded as leaving",
    ("CIS", "TKM", "1991-12-21"): "Alma-Ata signatory; associate member from 2005-08-26 (never ratified the charter)",
    ("CIS", "TKM", "2005-08-26"): "associate member; world files know only member and observer",
    ("CIS", "ARM", "1991-12-21"): "facts.csv gives only the charter ratification (1994-03-16); joined = Alma-Ata signature",
    ("CIS", "AZE", "1991-12-21"): "facts.csv gives only the charter ratification (1993-12-14); joined = Alma-Ata signature",
    ("CIS", "KAZ", "1991-12-21"): "facts.csv gives only the charter ratification (1994-04-20); joined = Alma-Ata signature",
    ("CIS", "KGZ", "1991-12-21"): "facts.csv gives only the charter ratification (1994-04-12); joined = Alma-Ata signature",
    ("CIS", "TJK", "1991-12-21"): "facts.csv gives only the charter ratification (1993-08-04); joined = Alma-Ata signature",
    ("CIS", "UZB", "1991-12-21"): "facts.csv gives only the charter ratification (1994-02-09); joined = Alma-Ata signature",
    ("CIS", "GEO", "1993-12"): "CONFLICTING: December 1993 (civil.ge) vs March 1994 (Goble, Window on Eurasia, the ratification); the decision date of civil.ge used",
    ("SCO", "BLR", "2015"): "dialogue partner 2010, observer 2015, full member at the Astana summit of July 2024",
    ("GUAM", "UZB", "1999"): "member of GUUAM 1999 to May 2005",
    ("GUAM", "GEO", "1997-10-10"): "'founding member (1997)'; the day is that of the consultative forum in facts.csv Ukraine membership_GUAM",
    ("GUAM", "AZE", "1997-10-10"): "'founding member (1997)'; the day is that of the consultative forum in facts.csv Ukraine membership_GUAM",
    ("GUAM", "MDA", "1997-10-10"): "'founding member (1997)'; the day is that of the consultative forum in facts.csv Ukraine membership_GUAM",
    ("SCO", "CHN", "2001-06-15"): "'founding member (2001)'; the founding day is from facts.csv Russia membership_SCO",
    ("SCO", "KAZ", "2001-06-15"): "'founding member (2001)'; the founding day is from facts.csv Russia membership_SCO",
    ("SCO", "KGZ", "2001-06-15"): "'founding member (2001)'; the founding day is from facts.csv Russia membership_SCO",
    ("SCO", "TJK", "2001-06-15"): "'founding member (2001)'; the founding day is from facts.csv Russia membership_SCO",
    ("SCO", "UZB", "2001-06-15"): "'founding member (2001)'; the founding day is from facts.csv Russia membership_SCO",
    ("SCO", "IRN", "2023-07-04"): "memorandum of obligations signed at the Samarkand summit of September 2022",
    ("EAEU", "ARM", "2015-01-02"): "accession treaty signed 2014-10-09/10",
    ("EAEU", "KGZ", "2015-08-06"): "accession treaty signed 2014-12-23",
    ("EAEU", "RUS", "2015-01-01"): "treaty signed 2014-05-29 in Astana, in force 2015-01-01",
    ("UNION_STATE", "RUS", "1999-12-08"): "date of signature of the Treaty on the Creation of a Union State",
    ("GUAM", "UKR", "1997-10-10"): "founding member: GUAM consultative forum of 1997-10-10 (charter June 2001)",
}
# A membership's note is not a key of docs/WORLD.md memberships; mkworld.py folds it
# into the membership's source/assumption text ("...; note: ...").

# ---- issues ---------------------------------------------------------------------

ISSUES = [
    {
        "id": "68/262",
        "resolution": "A/RES/68/262",
        "title": "Territorial integrity of Ukraine",
        "date": "2014-03-27",
        "source": ("UN General Assembly resolution A/RES/68/262 of 2014-03-27 "
                   "(text: affirms Ukraine's territorial integrity, declares the "
                   "Crimean referendum invalid, calls on states not to recognise any "
                   "alteration of Crimea's status; Russia is not named)"),
        "attributes": {
            "territorial_integrity": 1,
            "condemns_territorial_conquest": 1,
            "calls_non_recognition": 1,
            "names_patron": 0,
            "demands_withdrawal": 0,
            "deplores_aggression": 0,
            "names_patron_ally": 0,
        },
    },
    {
        "id": "ES-11/1",
        "resolution": "A/RES/ES-11/1",
        "title": "Aggression against Ukraine",
        "date": "2022-03-02",
        "source": ("UN General Assembly resolution A/RES/ES-11/1 of 2022-03-02 "
                   "(text: deplores the aggression by the Russian Federation, demands "
                   "that it immediately cease its use of force and withdraw its forces, "
                   "deplores the involvement of Belarus, reaffirms Ukraine's "
                   "territorial integrity)"),
        "attributes": {
            "territorial_integrity": 1,
            "condemns_territorial_conquest": 1,
            "calls_non_recognition": 0,
            "names_patron": 1,
            "demands_withdrawal": 1,
            "deplores_aggression": 1,
            "names_patron_ally": 1,
        },
    },
]

# Stances the seeds describe, as issues of their own (the calibration facts of
# issue 3 besides the UN votes). Each observed stance cites the seed and the words
# in it that state the stance; the generator checks that the words are there.
SEED_ISSUES = [
    {
        "id": "KURSK-2024",
        "title": "Public stance on Ukraine's incursion into Russia's Kursk region",
        "date": "2024-08-31",
        "seed": "004_b1e82aaae2434ba0.txt",
        "quote": "incursion into the Kursk region of Russia on August 6",
        # the question: back Russia, the patron, whose own territory was entered
        "attributes": {"patron_territory_entered": 1},
        "options": [
            ("back", "support", "publicly backs Russia"),
            ("silence", "silent", "says nothing"),
            ("condemn", "condemn", "condemns Russia"),
        ],
        "observed": [
            (actor, "silence", "000_7db1c7819fb02ab3.txt",
             "Nations like Belarus, Kazakhstan, and Armenia, which have historically "
             "aligned themselves with Moscow, have remained conspicuously silent")
            for actor in ("BLR", "KAZ", "ARM")
        ] + [
            (actor, "silence", "004_b1e82aaae2434ba0.txt",
             "The coordinated silence from Central Asia’s five nations")
            for actor in ("KGZ", "TJK", "UZB", "TKM")
        ],
    },
]

ISSUE_OPTIONS = [
    ("yes", "condemn", "in favour"),
    ("no", "support", "against"),
    ("abstain", "silent", "abstention"),
    ("absent", "silent", "did not vote"),
]

# ---- events ---------------------------------------------------------------------

# Timeline rows -> events. Key: (date, a word of the row's event text). Each event:
# (actor, target, type, date or None for the row's date, description, magnitude)
# where magnitude is None or (value, evidence-in-row, note) or
# (value, ("row", country, indicator), evidence, note) to cite a facts.csv row.
TIMELINE = {
    ("1992-05-15", "Collective Security Treaty signed"): [
        (a, "CSTO", "join_institution", None,
         "{name} signs the Collective Security Treaty in Tashkent (in force 1994-04-20)",
         None)
        for a in ("ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB")],
    ("1999-04-02", "refuse to renew"): [
        (a, "CSTO", "leave_institution", None,
         "{name} does not renew the Collective Security Treaty", None)
        for a in ("AZE", "GEO", "UZB")],
    ("1999-12-08", "Union State"): [
        ("RUS", "BLR", "sign_agreement", None,
         "Treaty on the Creation of a Union State of Russia and Belarus signed in Moscow",
         None)],
    ("2006-08-16", "restoring"): [
        ("UZB", "CSTO", "join_institution", None,
         "protocol restoring Uzbekistan's CSTO membership", None)],
    ("2008-08-07", "Georgia launches"): [
        ("GEO", "SOUTH_OSSETIA", "attack", None,
         "Georgia launches an operation in South Ossetia (7-8 August 2008)", None),
        ("RUS", "GEO", "attack", None,
         "Russia intervenes in Georgia (7-8 August 2008); operation concluded "
         "2008-08-12 with a French-brokered ceasefire", None)],
    ("2008-08-26", "recognises"): [
        ("RUS", "ABKHAZIA", "recognise", None, "Russia recognises Abkhazia's independence", None),
        ("RUS", "SOUTH_OSSETIA", "recognise", None,
         "Russia recognises South Ossetia's independence", None)],
    ("2008-09-09", "3,800"): [
        ("RUS", "ABKHAZIA", "troop_deployment", None,
         "Russia announces 3,800 troops to be kept in Abkhazia",
         (3800, "3,800", "troops announced per territory (7,600 in both)")),
        ("RUS", "SOUTH_OSSETIA", "troop_deployment", None,
         "Russia announces 3,800 troops to be kept in South Ossetia",
         (3800, "3,800", "troops announced per territory (7,600 in both)"))],
    ("2009-08", "withdrawal from the CIS"): [
        ("GEO", "CIS", "leave_institution", None,
         "Georgia's withdrawal from the CIS takes effect (announced August 2008 after "
         "the war)", None)],
    ("2010-06-12", "Otunbayeva"): [
        ("KGZ", "RUS", "request_aid", None,
         "Kyrgyz interim leader Otunbayeva asks Russia to send troops to quell the "
         "Osh violence", None),
        ("RUS", "KGZ", "aid_refused", None,
         "the Kremlin declines ('internal conflict') and refers to CSTO consultations",
         None),
        ("CSTO", "KGZ", "aid_refused", "2010-06-14",
         "CSTO consultations on Kyrgyzstan; no CSTO deployment follows", None)],
    ("2010-08", "102nd base"): [
        ("RUS", "ARM", "sign_agreement", None,
         "protocol extends the 102nd Russian base at Gyumri to 2044", None)],
    ("2012-06-28", "suspends participation"): [
        ("UZB", "CSTO", "suspend_membership", None,
         "Uzbekistan suspends its participation in the CSTO (note dated 2012-06-20)", None)],
    ("2012-09-20", "unified Russian base"): [
        ("RUS", "KGZ", "sign_agreement", None,
         "Putin-Atambayev agreement on a unified Russian base in Kyrgyzstan (15 years "
         "from 2017)", None)],
    ("2012-12-19", "formally suspends"): [
        ("CSTO", "UZB", "suspend_membership", None,
         "CSTO Collective Security Council formally suspends Uzbekistan's membership",
         None)],
    ("2014-03-16", "referendum"): [
        ("CRIMEA", "UKR", "statement", None,
         "Crimean 'referendum' held (declared invalid by UNGA resolution 68/262)", None)],
    ("2014-03-18", "annexing Crimea"): [
        ("RUS", "UKR", "annex", None, "Putin signs the treaty annexing Crimea", None)],
    ("2014-05-29", "Eurasian Economic Union signed"): [
        (a, "EAEU", "join_institution", None,
         "{name} signs the Treaty on the Eurasian Economic Union in Astana (in force "
         "2015-01-01)", None)
        for a in ("RUS", "BLR", "KAZ")] + [
        ("ARM", "EAEU", "join_institution", "2015-01-02", "Armenia joins the EAEU", None),
        ("KGZ", "EAEU", "join_institution", "2015-08-06", "Kyrgyzstan joins the EAEU", None)],
    ("2020-11-10", "peacekeepers"): [
        ("RUS", "KARABAKH", "troop_deployment", None,
         "Russian peacekeepers deploy to Nagorno-Karabakh after the 2020-11-09 "
         "trilateral ceasefire statement",
         (1960, "1,960", "peacekeepers"))],
    ("2020-12-11", "observer status"): [
        ("UZB", "EAEU", "join_institution", None,
         "Uzbekistan granted EAEU observer status", None)],
    ("2022-01-02", "Fuel-price protests"): [
        ("KAZ", None, "protest", None,
         "fuel-price protests erupt in western Kazakhstan and turn violent on 4-5 January",
         (225, ("Kazakhstan", "internal_crisis"), "225 dead",
          "deaths in the January 2022 unrest; >4,500 injured"))],
    ("2022-01-05", "Tokayev requests"): [
        ("KAZ", "CSTO", "request_aid", None, "Tokayev requests CSTO assistance", None)],
    ("2022-01-06", "Collective Peacekeeping Forces"): [
        ("CSTO", "KAZ", "troop_deployment", None,
         "first-ever CSTO collective deployment: Collective Peacekeeping Forces (Russia, "
         "Belarus, Armenia, Tajikistan, Kyrgyzstan) sent to Kazakhstan",
         (2000, "2,000-2,500", "troops: '~2,000-2,500'; the lower end used"))],
    ("2022-01-13", "withdrawal from Kazakhstan"): [
        ("CSTO", "KAZ", "troop_withdrawal", None,
         "CSTO withdrawal from Kazakhstan begins; completed by 2022-01-19", None)],
    ("2022-02-03", "30,000"): [
        ("RUS", "BLR", "troop_deployment", None,
         "Russian combat troops move into Belarus for 'Allied Resolve-2022' (largest "
         "since the Cold War, per NATO)",
         (30000, "30,000", "troops"))],
    ("2022-02-24", "full-scale invasion"): [
        ("RUS", "UKR", "attack", None, "Russia launches the full-scale invasion of Ukraine",
         None),
        ("BLR", "RUS", "cooperate", None,
         "Belarus lets Russian forces stage the invasion from its territory", None)],
    ("2022-03-02", "ES-11/1"): [
        ("UNGA", "RUS", "condemn", None,
         "UNGA adopts resolution ES-11/1 'Aggression against Ukraine' (141-5-35)",
         (141, "141-5-35", "votes in favour (141 for, 5 against, 35 abstentions)"))],
    ("2022-03-10", "ban on grain exports"): [
        ("RUS", "EAEU", "sanction", None,
         "Russia announces a temporary ban on grain exports to EAEU states; panic "
         "buying in Kazakhstan and Kyrgyzstan", None)],
    ("2022-03-31", "relaxes"): [
        ("RUS", "EAEU", "cooperate", None,
         "Russia relaxes the EAEU grain ban: exports allowed under licences", None)],
    ("2022-04-01", "stop importing"): [
        (a, "RUS", "sanction", None, "{name} stops importing Russian natural gas", None)
        for a in ("LTU", "LVA", "EST")],
    ("2022-05-20", "Eurasian Economic Commission"): [
        ("KAZ", "RUS", "protest", None,
         "Kazakhstan objects to Russia's push for EAEU grain export quotas and duties",
         None)],
    ("2022-06-23", "candidate status"): [
        ("EU", "UKR", "cooperate", None, "European Council grants Ukraine EU candidate status",
         None),
        ("EU", "MDA", "cooperate", None, "European Council grants Moldova EU candidate status",
         None),
        ("EU", "GEO", "cooperate", None,
         "European Council recognises Georgia's European perspective", None)],
    ("2022-07-06", "court orders CPC"): [
        ("RUS", "KAZ", "sanction", None,
         "a Novorossiysk court orders the CPC to suspend operations for 30 days, two "
         "days after Tokayev offered Kazakh hydrocarbons to Europe (overturned "
         "2022-07-11)", None)],
    ("2022-09-06", "Kharkiv counteroffensive"): [
        ("UKR", "RUS", "attack", None,
         "Ukraine launches the Kharkiv counteroffensive; Balakliia, Izium and Kupiansk "
         "retaken by 2022-09-10",
         (12000, "12,000 km2", "km2 retaken by early October (500+ settlements)"))],
    ("2022-09-13", "Azerbaijani forces strike"): [
        ("AZE", "ARM", "attack", None,
         "Azerbaijani forces strike Armenian territory (Goris, Jermuk, Vardenis, Kapan)",
         (207, "207 Armenians", "Armenians killed or missing (Armenian Security Council). "
          "CONFLICTING Azerbaijani deaths: 79-80 per Baku vs 430 claimed by Armenian "
          "speaker Alen Simonyan; neither enters this magnitude, which counts the "
          "attacked side only")),
        ("ARM", "CSTO", "request_aid", "2022-09-14",
         "Pashinyan invokes Article 4 of the Collective Security Treaty and asks the "
         "CSTO for military help", None),
        ("CSTO", "ARM", "aid_refused", "2022-09-14",
         "in answer to Armenia's request the CSTO sends only an assessment mission",
         None)],
    ("2022-09-14", "Kyrgyz-Tajik"): [
        ("KGZ", "TJK", "border_clash", None,
         "Kyrgyz-Tajik border clashes in Batken region (ceasefire 2022-09-16); the "
         "actor/target order assigns no blame",
         (98, "Kyrgyzstan 59, Tajikistan 39",
          "dead by 2022-09-19: 59 Kyrgyz + 39 Tajik ('nearly 100')"))],
    ("2022-09-14", "Xi Jinping visits"): [
        ("CHN", "KAZ", "meeting", None,
         "Xi Jinping visits Kazakhstan, his first foreign trip since the pandemic", None)],
    ("2022-09-15", "SCO summit"): [
        ("CHN", "RUS", "meeting", None,
         "SCO summit in Samarkand: first in-person Xi-Putin meeting since the invasion",
         None),
        ("IRN", "SCO", "sign_agreement", None,
         "Iran signs the memorandum of obligations for SCO membership", None)],
    ("2022-09-15", "redeployed"): [
        ("RUS", "TJK", "troop_withdrawal", None,
         "Russian troops redeployed from the 201st base in Tajikistan to Ukraine "
         "(~600 more to follow)",
         (1500, "1,500", "troops redeployed")),
        ("RUS", "KGZ", "troop_withdrawal", None,
         "hundreds of Russian troops redeployed from Kant air base to Ukraine", None)],
    ("2022-09-30", "proclaims annexation"): [
        ("RUS", "UKR", "annex", None,
         "Russia proclaims the annexation of Donetsk, Luhansk, Kherson and Zaporizhzhia "
         "and vetoes a UNSC draft the same day", None)],
    ("2023-03-25", "nuclear weapons storage"): [
        ("RUS", "BLR", "troop_deployment", None,
         "Putin announces a tactical nuclear weapons storage to be built in Belarus by "
         "2023-07-01", None)],
    ("2023-07-04", "full SCO member"): [
        ("IRN", "SCO", "join_institution", None, "Iran becomes a full SCO member", None)],
    ("2023-09-19", "anti-terrorist operation"): [
        ("AZE", "KARABAKH", "attack", None,
         "Azerbaijan's 'anti-terrorist operation' in Nagorno-Karabakh; the Karabakh "
         "authorities capitulate on 2023-09-20 and >100,000 Armenians leave",
         (192, "192 Azerbaijani", "Azerbaijani troops killed"))],
    ("2023-12-14", "accession negotiations"): [
        ("EU", "UKR", "cooperate", None,
         "European Council decides to open accession negotiations with Ukraine", None),
        ("EU", "MDA", "cooperate", None,
         "European Council decides to open accession negotiations with Moldova", None),
        ("EU", "GEO", "cooperate", None, "European Council grants Georgia candidate status",
         None)],
    ("2024-02-22", "frozen"): [
        ("ARM", "CSTO", "suspend_membership", None,
         "PM Pashinyan says Armenia has 'frozen' its participation in the CSTO", None)],
    ("2024-04-17", "withdrawing Nagorno-Karabakh"): [
        ("RUS", "KARABAKH", "troop_withdrawal", None,
         "Russia begins withdrawing its Nagorno-Karabakh peacekeepers; complete by "
         "2024-06-13", None)],
    ("2024-05", "funding"): [
        ("ARM", "CSTO", "sanction", None, "Armenia suspends its funding of the CSTO", None)],
    ("2024-07", "10th full SCO member"): [
        ("BLR", "SCO", "join_institution", None,
         "Belarus becomes the 10th full SCO member at the Astana summit", None)],
    ("2024-08-06", "Kursk"): [
        ("UKR", "RUS", "attack", None,
         "Ukrainian forces cross into Russia's Kursk region near Sudzha, the first "
         "foreign ground incursion into Russia since WWII", None)],
    ("2024-08-09", "Consultative Meeting"): [
        ("KAZ", None, "meeting", None,
         "6th Consultative Meeting of Central Asian heads of state in Astana adopts the "
         "'Central Asia-2040' concept (Azerbaijan's Aliyev as guest)", None)],
}

# Timeline rows deliberately not turned into events, with the reason.
TIMELINE_SKIPPED = {
    ("2022-03-21", "storm damage"):
        "technical incident (storm damage to CPC moorings), not an act of an actor",
    ("2022-06-16", "demining"):
        "technical halt (demining of WWII mines), not an act of an actor",
    ("2022-07-11", "overturns"):
        "reversal of the 2022-07-06 court order, noted in that event's description",
    ("2022-08-22", "cracks"):
        "technical incident (cracks in CPC moorings), not an act of an actor",
}

# Events from the seeds: (date, actor, target, type, description, seed, quote).
# The date is the seed's own where it gives one; where it gives none, the date is
# the year (or month) the seed places the event in, at that precision.
SEED_EVENTS = [
    ("2018", "BLR", "AZE", "aid_given",
     "Belarus provides Azerbaijan with military aid and advanced weapons (artillery "
     "targeting equipment, Groza-S counter-drone stations) between 2018 and 2022",
     SEED_004, "Belarus provided Azerbaijan with military aid and advanced weapons"),
    ("2022-02", "MDA", "RUS", "condemn",
     "Moldova condemns the Russian invasion of Ukraine (month of the invasion)",
     SEED_002, "Moldova and Georgia have condemned the invasion"),
    ("2022-02", "GEO", "RUS", "condemn",
     "Georgia condemns the Russian invasion of Ukraine (month of the invasion)",
     SEED_002, "Moldova and Georgia have condemned the invasion"),
    ("2022-03", "KAZ", "RUS", "protest",
     "Kazakhstan denounces Russia's grain export ban as contrary to the rules and "
     "interests of the EAEU",
     SEED_002, "denounced by Kazakhstan as contrary to the rules and interests of the EAEU"),
    ("2022", "KAZ", "RUS", "refuse_recognise",
     "Kazakh officials say Kazakhstan will not recognise the Donetsk and Luhansk "
     "'people's republics'; Tokayev recognises Ukraine's territorial integrity",
     SEED_002, "would not recognize the independence of the Donetsk and Lugansk people"),
    ("2022", "KAZ", "RUS", "statement",
     "Kazakhstan says it would refuse the use of CSTO forces on Ukrainian soil and "
     "would not become an instrument for circumventing Western sanctions",
     SEED_002, "would not become an instrument for circumventing Western sanctions"),
    ("2022", "RUS", "KAZ", "threaten",
     "former Russian Prime Minister Dmitry Medvedev calls Kazakhstan an 'artificial "
     "state' in a post he later deletes",
     SEED_001, "called it an \u201cartificial state\u201d"),
    ("2022", "TUR", "UZB", "sign_agreement",
     "Turkey signs a strategic partnership treaty and a Preferential Trade Agreement "
     "with Uzbekistan",
     SEED_002, "Preferential Trade Agreement with Uzbekistan"),
    ("2022", "TUR", "KAZ", "sign_agreement",
     "Turkey signs a strategic partnership treaty with Kazakhstan providing for an "
     "ANKA drone factory",
     SEED_002, "ANKA drone factory with Kazakhstan"),
    ("2022", "TUR", "AZE", "sign_agreement",
     "joint declaration of Turkey, Kazakhstan, Azerbaijan and Georgia on the East-West "
     "Transport Corridor",
     SEED_002, "East-West Transport Corridor"),
    ("2022", "TUR", "GEO", "sign_agreement",
     "joint declaration of Turkey, Kazakhstan, Azerbaijan and Georgia on the East-West "
     "Transport Corridor",
     SEED_002, "East-West Transport Corridor"),
    ("2022-09-14", "CHN", "KAZ", "statement",
     "Xi Jinping in Kazakhstan: China will 'resolutely support Kazakhstan in protecting "
     "its independence, sovereignty and territorial integrity'",
     SEED_001, "resolutely support Kazakhstan in protecting its independence"),
    ("2022-09-14", "RUS", "TJK", "cooperate",
     "Russia designates one of Tajikistan's opposition parties a terrorist movement, "
     "easing extraditions to Tajikistan",
     SEED_001, "designated one of Tajikistan\u2019s opposition parties as a terrorist movement"),
    ("2022-09", "CHN", "RUS", "statement",
     "China's leader publicly acknowledges concerns over the war in Ukraine",
     SEED_003, "Chinese and Indian leaders publicly acknowledged their concerns"),
    ("2022-09", "IND", "RUS", "statement",
     "India's leader publicly acknowledges concerns over the war in Ukraine",
     SEED_003, "Chinese and Indian leaders publicly acknowledged their concerns"),
    ("2022-10", "ARM", "CSTO", "threaten",
     "PM Pashinyan, furious at Moscow's lack of support, threatens to leave the CSTO",
     SEED_003, "threatens to leave the alliance"),
    ("2022-10", "KGZ", "RUS", "statement",
     "President Japarov on Russia and the Kyrgyz-Tajik clashes: 'Of course they are "
     "distracted by Ukraine'",
     SEED_003, "Of course they are distracted by Ukraine"),
    ("2024", "RUS", "ARM", "troop_withdrawal",
     "hundreds of Russian troops withdrawn from Armenia's border",
     SEED_004, "withdrawal of hundreds of Russian troops from Armenia"),
    ("2024-08", "BLR", None, "troop_deployment",
     "after the Kursk incursion Lukashenko deploys additional troops and armoured "
     "vehicles to defend Belarus's borders",
     SEED_004, "deployed additional troops and armored vehicles to defend the borders"),
    ("2024-08", "BLR", "RUS", "statement",
     "Lukashenko calls for an end to the war: 'Let's sit down at the negotiating table "
     "and end this scuffle'",
     SEED_004, "sit down at the negotiating table"),
] + [
    ("2024-08", a, "RUS", "abstain",
     "{name} gives Russia neither military nor political backing after Ukraine's "
     "Kursk incursion ('coordinated silence' of the CSTO allies)",
     seed, quote)
    for a, seed, quote in (
        ("BLR", SEED_000, "Belarus, Kazakhstan, and Armenia"),
        ("KAZ", SEED_000, "Belarus, Kazakhstan, and Armenia"),
        ("ARM", SEED_000, "Belarus, Kazakhstan, and Armenia"),
        ("KGZ", SEED_004, "Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan"),
        ("TJK", SEED_004, "Armenia, Belarus, Kazakhstan, Kyrgyzstan, and Tajikistan"),
    )
]

# Bargaining issues for the spatial model (docs/WORLD.md `bargains`). Capabilities
# come from each actor's gdp_usd (World Bank, sourced) as of the bargain's year.
# Positions code what the sources say on the 0..100 scale of the dimension; where a
# source gives no position, and for every salience, the number is an analyst's
# coding, so each stand is an assumption that says why.
GRAIN_ROW = ("timeline.csv 2022-05-20: Eurasian Economic Commission meeting, Russia "
             "presses EAEU states for grain export quotas/duties, Kazakhstan objects "
             "(https://www.silkway.news/kazakhstan-went-against-russia-in-wheat-73671/, "
             "citing Kommersant)")
BARGAINS = [
    {
        "id": "EAEU-grain-2022",
        "title": "Grain export quotas and duties inside the EAEU",
        "date": "2022-05-20",
        "source": GRAIN_ROW,
        "dimensions": [{
            "id": "export_restriction",
            "label": "0 no restriction of grain exports inside the EAEU; 100 binding "
                     "EAEU-wide grain export quotas and duties, as Russia proposed",
        }],
        "capability": "gdp_usd",
        "actors": [
            ("RUS", 100, 70,
             "position 100 is Russia's own proposal (" + GRAIN_ROW + "); salience 70 is an "
             "analyst coding: food prices at home in wartime, after its March 2022 ban"),
            ("KAZ", 30, 80,
             "Kazakhstan objects to EAEU-wide quotas but introduced its own wheat and flour "
             "quotas (" + GRAIN_ROW + "; seed 002_6b6cecb48dbf384d.txt: the ban was "
             "'denounced by Kazakhstan as contrary to the rules and interests of the "
             "EAEU'), coded 30; salience 80 codes grain as a main Kazakh export"),
            ("KGZ", 10, 60,
             "no stated position found; coded 10 as a grain importer hit by panic buying "
             "after Russia's March 2022 ban (timeline.csv 2022-03-10); salience 60"),
            ("ARM", 20, 30,
             "no stated position found; coded 20 as a grain importer with a small stake in "
             "EAEU grain rules; salience 30"),
            ("BLR", 70, 20,
             "no stated position found; coded 70 for Belarus's general alignment with "
             "Russian proposals in the Union State; salience 20 for its small grain trade "
             "with Central Asia"),
        ],
    },
]
