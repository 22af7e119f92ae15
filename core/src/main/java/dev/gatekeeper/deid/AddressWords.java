package dev.gatekeeper.deid;

/**
 * The word lists {@link Addresses} recognises streets by, per language: street types, street
 * endings and openers, connectors, the words around an address that place it in a sentence, and
 * the prose words that make a number-words-street run not an address. Data only; the shapes that
 * use them are in {@link Addresses}.
 */
final class AddressWords {
  /** Street types that, after a capitalised name word, hardly mean anything but a street. */
  static final String[] TYPES = {
    "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Boulevard", "Blvd", "Parkway",
    "Pkwy", "Highway", "Hwy", "Crescent", "Terrace", "Mews", "Alley", "Quay", "Wharf",
    "Embankment", "Parade", "Esplanade", "Promenade", "Causeway",
  };

  /**
   * Street types that are also ordinary words ("Fix Close button", "Supreme Court Judges", "Dr
   * Smith"): they end an address only where the clause ends or a postcode or number follows, not
   * before another word ("5 Abbey Close, Leeds" but not "5 Abbey Close Leeds"), unless the
   * sentence itself says it is a place: "at" or "to" before the number and a preposition after
   * the type ("lives at 5 Ash Court in Leeds").
   */
  static final String[] AMBIGUOUS_TYPES = {
    "Way", "Hill", "Walk", "Row", "Drive", "Dr", "Place", "Pl", "Close", "Court", "Ct", "Square",
    "Sq", "Circle", "Trail", "Gardens", "Grove", "Loop", "Park", "Green", "Rise", "View", "Vale",
    "Heights", "Circus", "Yard", "Yards", "Gate", "Approach",
  };

  /**
   * Streets named by one word that is no street type ({@code 1585 Broadway},
   * {@code 120 Deansgate}); like the ambiguous types they need the clause to end after them, so
   * "8 Broadway show tunes" stays.
   */
  static final String[] ONE_WORD_STREETS = {
    "Broadway", "Piccadilly", "Whitehall", "Kingsway", "Queensway", "Strand", "Aldwych",
    "Cheapside", "Deansgate", "Bowery", "Embarcadero",
  };

  /**
   * Street types still read in lower case ({@code 12 baker street}), all unambiguous: the
   * ordinary-word types in lower case are prose ("a 2 way street", "close").
   */
  static final String[] LOWER_CASE_TYPES = {
    "street", "st", "road", "rd", "avenue", "ave", "lane", "boulevard", "blvd", "crescent",
    "terrace",
  };

  /** Words that make a lower-case "number words street" prose: "5 miles down the road". */
  static final String[] PROSE_WORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "by", "for", "from", "down", "up", "along",
    "across", "over", "this", "that", "my", "our", "your", "their", "his", "her", "its", "more",
    "other", "same", "one", "two", "way", "lane", "side", "back", "dead", "end", "each", "per",
  };

  /** Korean street names end in these: {@code 152 Teheran-ro}. */
  static final String[] KOREAN_STREET_SUFFIXES = {"-ro", "-gil", "-daero"};

  /** Japanese ward, city and town suffixes: {@code 1-2-3 Shibuya, Shibuya-ku}. */
  static final String[] JAPANESE_AREA_SUFFIXES = {
    "-ku", "-shi", "-cho", "-machi", "-gun", "-mura",
  };

  /** French house-number suffixes: {@code 12 bis rue de la Paix}. */
  static final String[] FRENCH_NUMBER_SUFFIXES = {"bis", "ter", "quater"};

  /** Directions that may follow a street type when the clause ends: "123 Main St W, Toronto". */
  static final String[] DIRECTION_WORDS = {
    "N", "S", "E", "W", "North", "South", "East", "West", "Upper", "Lower",
  };

  /** French street words that come after the number: {@code 10 rue de Rivoli}. */
  static final String[] FRENCH_STREETS = {
    "rue", "avenue", "av", "boulevard", "bd", "place", "allée", "allee", "impasse", "chemin",
    "quai", "cours", "route", "passage",
  };

  /**
   * French street words that may take a capitalised name without "de": {@code 10 Avenue Foch};
   * the others ("Place", "Route", "Passage") before a name alone are too often English, so there
   * the name must end the clause ({@code 5 Place Vendôme, Paris}; "2 Place Holders are" stays).
   */
  static final String[] FRENCH_STREETS_WITHOUT_CONNECTOR = {
    "rue", "avenue", "av", "boulevard", "bd", "quai",
  };

  /** Endings of German, Dutch and Scandinavian street names that come before the number. */
  static final String[] STREET_ENDINGS = {
    "straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "markt", "gracht", "straat",
    "laan", "plein", "kade", "singel", "dijk", "steeg", "gatan", "vägen", "veien", "vej",
    "damm", "ufer", "chaussee", "plaats", "gata", "gaten", "gade", "plads", "stræde", "gränd",
    "torget", "kaien", "katu", "tie", "veg", "vei", "torg",
  };

  /**
   * Endings that are English words or common word ends too ("Tie", "Veg"): they make a street
   * only inside a longer name ({@code Mannerheimintie 5}), never alone after an adjective.
   */
  static final String[] COMPOUND_ONLY_ENDINGS = {"tie", "veg", "vei", "torg"};

  /** English words that end like a street: "Renegade 5" is no Danish "-gade". */
  static final String[] ENGLISH_WITH_STREET_ENDING = {
    "renegade", "brigade", "blockade", "stockade", "necktie", "bowtie", "auntie", "cutie",
    "sweetie", "hottie",
  };

  /**
   * Words that open a German street name before its compound ({@code Am Lindenweg 3},
   * {@code Große Elbstraße 145}, {@code An der Alster 1}); matched in this case only.
   */
  static final String[] GERMAN_STREET_PREFIXES = {
    "Am", "An", "Im", "Auf", "Zum", "Zur", "Unter", "Hinter", "Alte", "Alter", "Altes", "Große",
    "Großer", "Grosse", "Kleine", "Kleiner", "Neue", "Neuer", "Lange", "Hohe", "Obere", "Untere",
    "der", "dem", "den",
  };

  /**
   * Street types written as a separate lower-case word after the name and before the number:
   * {@code Andrássy út 60}, {@code Václavské náměstí 1}.
   */
  static final String[] SEPARATE_TYPES = {
    "út", "utca", "tér", "körút", "náměstí", "ulice", "třída", "nábřeží",
  };

  /**
   * Words that open a Romance street name, which comes before the number: {@code Calle Mayor 5}.
   * Matched in this case only, so that the English "via" in prose opens nothing.
   */
  static final String[] STREET_OPENERS = {
    "Calle", "Carrer", "Avenida", "Av.", "Avda.", "Rua", "Travessa", "Praça", "Plaza", "Paseo",
    "Camino", "Carretera", "Via", "Viale", "Piazza", "Piazzale", "Corso", "Largo", "Vicolo",
    "Strada", "Rue", "rue", "Ulica", "ul.", "Ul.", "Jl.", "Jalan", "Laan", "Avinguda", "Passeig",
    "Rambla", "Alameda", "Ronda",
  };

  /**
   * Openers that are English words too: without a connector after them ("rue de", "Via del")
   * their number must end the clause or precede a name, so "Via Slack 3 people" stays.
   */
  static final String[] ENGLISH_LOOKING_OPENERS = {
    "Via", "Plaza", "Largo", "Corso", "Rue", "rue",
  };

  static final String[] CONNECTORS = {
    "de", "del", "dels", "della", "delle", "dei", "degli", "di", "da", "do", "dos", "das", "des",
    "du", "la", "le", "les", "van", "der", "den", "het", "von",
  };

  /**
   * Words after which a number is a label's value, not a house number: "Sprint 12 Review",
   * "Step 2 Drive the test", "Room 4 Park". "No" is not one ("No. 10 Downing Street").
   */
  static final String[] NUMBER_LABELS = {
    "sprint", "step", "steps", "phase", "stage", "version", "ver", "v", "release", "build",
    "iteration", "round", "room", "rm", "floor", "fl", "level", "lvl", "chapter", "ch", "section",
    "sec", "part", "page", "pages", "p", "pp", "figure", "fig", "table", "item", "items", "issue",
    "issues", "pr", "prs", "mr", "ticket", "tickets", "bug", "bugs", "task", "tasks", "story",
    "epic", "milestone", "slide", "test", "tests", "case", "cases", "line", "lines", "column",
    "col", "week", "weeks", "day", "days", "hour", "hours", "episode", "season", "vol", "volume",
    "rule", "rules", "article", "option", "tier", "grade", "gate", "platform", "terminal", "seat",
    "desk", "top", "q", "q1", "q2", "q3", "q4", "h1", "h2", "building", "bldg", "block", "hall",
    "wing", "zone", "bay", "dock", "lot",
  };

  /** Words after which a number from 1900 to 2099 is a year: "in 2024 Abbey Road reopened". */
  static final String[] YEAR_WORDS = {
    "in", "since", "by", "until", "till", "from", "of", "before", "after", "during", "circa",
    "year", "early", "late", "mid", "around", "summer", "winter", "spring", "autumn", "fall",
    "fy",
  };

  /** Words that may introduce an address: "lives at", "send it to". */
  static final String[] PLACE_PREPOSITIONS = {
    "at", "to", "on", "from", "for", "near", "outside", "behind", "opposite", "into",
  };

  /** Words that may follow an address in a sentence: "at 5 Ash Court in Leeds". */
  static final String[] AFTER_PLACE = {
    "in", "near", "and", "on", "with", "by", "since", "is", "was", "has", "had", "after",
    "before", "where", "which", "or", "but", "for", "until",
  };

  /**
   * Words after which a street needs no preposition before it: "confused 12 Carlton Place with
   * the office", "Corso Buenos Aires 33 in Milan"; a name with an ambiguous type before them is
   * rarely anything but a place.
   */
  static final String[] PLACING_AFTER = {"in", "near", "with"};

  /**
   * Flat, unit and floor words that go with the address before or after it ("Level 3, 100
   * Collins St", "55 Water Street, Floor 10").
   */
  static final String[] UNIT_WORDS = {
    "flat", "apt", "apartment", "unit", "suite", "ste", "level", "floor", "fl", "building",
    "bldg", "room", "rm", "block", "office",
  };

  static final String[] DIRECTIONS = {"NW", "NE", "SW", "SE"};

  /** What may stand before "Box" in a post office box, longest first where one ends another. */
  static final String[] PO_BOX_OPENERS = {"Post Office", "P. O.", "P.O.", "P.O", "PO"};

  private AddressWords() {}
}
