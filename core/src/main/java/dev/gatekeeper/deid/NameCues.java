package dev.gatekeeper.deid;

import java.util.Set;

/**
 * The words around names that {@link PersonNames} reads as cues: titles, greetings and sign-offs,
 * verbs and prepositions that take a person, verbs a person does, list heads, and the words that
 * say a capitalised word is a place, product or thing instead. Grammar, not names: no person's
 * name is listed here. Lower case; looked up by {@link Lexicon#key}.
 */
final class NameCues {
  private NameCues() {}

  /** A set of lower-case words; repeats across the lists' themes are harmless. */
  static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  static final Set<String> TITLES =
      words(
          "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "madam",
          "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "dra", "doctor", "lady",
          "lord", "rev", "fr", "capt", "col", "gen", "sgt", "hon", "judge", "justice");

  static final Set<String> PARTICLES =
      words(
          "van", "von", "der", "den", "de", "del", "della", "dello", "di", "da", "das", "dos",
          "du", "la", "le", "lo", "ter", "ten", "te", "zu", "zum", "bin", "binti", "binte", "ibn",
          "bint", "ben", "al", "el", "abu", "mac", "mc", "nic", "ní", "ó", "ua", "ap", "y", "e",
          "st", "ste", "vanden", "vander", "af", "av", "dela", "dei", "degli", "delle", "des");

  static final Set<String> GREETINGS =
      words(
          "hi", "hello", "hey", "hiya", "dear", "thanks", "thank", "thx", "ty", "cheers",
          "congrats", "congratulations", "welcome", "morning", "evening", "afternoon", "bye",
          "sorry", "yo", "ta", "kudos", "bravo", "howdy", "greetings", "hallo", "hej", "hola",
          "ciao", "salut", "bonjour", "night", "goodnight", "farewell", "cc", "bcc", "attn",
          "birthday", "anniversary", "nice", "great", "good", "well", "awesome", "brilliant",
          "lovely", "excellent", "fantastic", "superb", "amazing", "bravo", "shout", "cheerio");

  static final Set<String> SIGN_OFFS =
      words(
          "regards", "best", "cheers", "thanks", "sincerely", "yours", "love", "rgds", "br",
          "peace", "thankyou", "tks", "tnx", "appreciated", "onwards", "onward", "respect",
          "ta", "thx", "wishes", "faithfully", "truly", "soon", "warmly", "gratefully",
          "respectfully", "later", "signed", "sent", "from", "xoxo", "tschüss", "saludos",
          "cordialement", "gruß", "grüße");

  static final Set<String> LIST_HEADS =
      words(
          "attendees", "attendee", "present", "participants", "participant", "invitees",
          "invited", "reviewers", "reviewer", "approvers", "approver", "owners", "owner",
          "assignee", "assignees", "reporter", "reporters", "lead", "leads", "contact",
          "contacts", "cc", "bcc", "from", "to", "author", "authors", "driver", "dri",
          "facilitator", "host", "hosts", "speaker", "speakers", "organizer", "organiser",
          "call", "people", "who", "by", "with", "signed", "signatory", "signatories",
          "panel", "mentor", "mentee", "buddy", "manager", "pm", "em", "tl", "designer",
          "absent", "apologies", "regrets", "guests", "guest", "chair", "scribe", "notetaker",
          "note-taker", "requester", "requestor", "customer", "client", "candidate",
          "interviewer", "interviewers", "sponsor", "stakeholders", "stakeholder", "team",
          "members", "member", "escalation", "oncall", "on-call", "rotation", "backup",
          "secondary", "primary", "ic", "commander", "comms", "responder", "responders",
          "payroll", "hire", "hires", "beneficiary", "payee", "recipient", "recipients",
          "employee", "employees", "user", "users", "name", "applicant", "patient", "holder",
          "signee", "approved", "reviewed", "assigned", "requested", "raised", "submitter",
          "creator", "editor", "editors", "moderator", "presenter", "presenters", "volunteers",
          "volunteer", "winners", "winner", "shoutouts", "thanks", "kudos", "starring",
          "ping", "pinged", "welcome", "congrats", "farewell", "leavers", "joiners", "starters",
          "starter", "leaver", "joiner", "interviewers", "panelists", "panellists", "trainer",
          "trainers", "tutor", "coach", "contractor", "vendor contact", "emergency", "next");

  /** Verbs and prepositions whose object right after them is a person. */
  static final Set<String> TAKES_PERSON =
      words(
          "ask", "asked", "asking", "asks", "call", "called", "calling", "ping", "pinged",
          "pinging", "pings", "cc", "cc'd", "cced", "bcc", "tell", "told", "telling", "email",
          "emailed", "emailing", "message", "messaged", "messaging", "dm", "dm'd", "dmed",
          "remind", "reminded", "thank", "thanked", "thanking", "invite", "invited", "inviting",
          "meet", "met", "contact", "contacted", "notify", "notified", "nudge", "nudged",
          "paged", "welcome", "welcomed", "welcoming", "congratulate", "congratulated",
          "introduce", "introduced", "hired", "interview", "interviewed", "interviewing",
          "onboard", "onboarded", "onboarding", "mentoring", "mentored", "per", "thanks",
          "loop", "looped", "include", "included", "add", "added", "tag", "tagged", "poke",
          "poked", "escalate", "escalated", "consult", "consulted", "brief",
          "briefed", "update", "updated", "inform", "informed", "warn", "warned", "help",
          "helped", "helping", "assign", "assigned", "reassign", "reassigned", "replace",
          "relieve", "relieved", "cover", "covering", "covered",
          "congrats", "kudos", "props", "dear", "like", "unlike", "ask'd", "@", "cc:",
          "see", "saw", "visit", "visited", "joined", "join", "joining", "hi", "hello", "hey",
          "paging", "tagging", "mention", "mentioned", "mentioning", "trust", "sync", "pair",
          "paired", "pairing", "shadow", "shadowing", "shadowed", "ex", "colleague",
          "colleagues", "manager", "teammate", "coworker", "co-worker", "boss", "intern",
          "engineer", "designer", "contractor", "customer", "client", "candidate", "recruiter",
          "director", "vp", "cto", "ceo", "cfo", "coo", "cpo", "founder", "cofounder",
          "co-founder", "architect", "analyst", "consultant", "lawyer", "counsel", "nurse",
          "physician", "teacher", "student", "professor", "uncle", "aunt", "cousin", "sister",
          "brother", "mum", "mom", "dad", "wife", "husband", "partner", "son", "daughter",
          "friend", "neighbour", "neighbor", "named", "called:", "nee", "née", "alias", "aka",
          "cheers", "thx", "ty", "ta", "get", "got", "getting", "give", "gave", "giving", "let", "lets", "show",
          "showed", "showing", "offer", "pay", "paid", "owe", "teach", "allow", "excuse",
          "appreciate", "thank-you", "shoutout", "shout-out", "cheers,", "peace", "ping:");

  /** Words before "with" that make its object a person: "paired with", "met with". */
  static final Set<String> WITH_PERSON =
      words(
          "paired", "pair", "pairing", "pairs", "met", "meet", "meeting", "meetings", "sync",
          "synced", "syncing", "chat", "chatted", "chatting", "spoke", "speak", "speaking",
          "spoken", "talk", "talked", "talking", "call", "calls", "1:1", "1-1", "one-on-one",
          "catch-up", "catchup", "caught", "working", "worked", "work", "works", "lunch",
          "coffee", "session", "interview", "checked", "check", "checking", "agreed", "agree",
          "confirmed", "confirm", "discussed", "discuss", "discussing", "raised", "raise",
          "along", "together", "collaborating", "collaborated", "partnered", "align",
          "aligned", "aligning", "connect", "connected", "connecting", "shadowing", "onboarding",
          "standup", "stand-up", "retro", "dinner", "drinks", "huddle", "huddled", "debugged",
          "debugging", "followed", "follow", "following", "consulted", "consulting", "pinged",
          "touched", "touch", "base", "paired-programmed", "pairing-session", "trained",
          "training", "chatted", "sat", "sit", "sitting", "hang", "hung", "go", "went", "going",
          "travelling", "traveling", "came", "come", "coming", "stay", "stayed", "stays",
          "down", "up", "sync'd", "onsite", "offsite", "workshop");

  /** Participles before "by" that make its object a person: "approved by", "reported by". */
  static final Set<String> BY_PERSON =
      words(
          "approved", "reviewed", "reported", "written", "raised", "assigned", "created",
          "owned", "signed", "opened", "filed", "closed", "merged", "authored", "requested",
          "submitted", "led", "run", "presented", "hosted", "organised", "organized",
          "suggested", "proposed", "flagged", "found", "fixed", "updated", "edited", "triaged",
          "escalated", "declined", "rejected", "confirmed", "drafted", "prepared", "sponsored",
          "managed", "chaired", "facilitated", "delivered", "given", "taken", "claimed",
          "acknowledged", "resolved", "verified", "tested", "checked", "countersigned",
          "endorsed", "nominated", "recommended", "referred", "introduced", "posted", "shared",
          "sent", "emailed", "called", "paged", "pinged", "noticed", "spotted", "discovered",
          "caught", "co-authored", "coauthored", "mentored", "coached", "interviewed",
          "hired", "onboarded", "recorded", "transcribed", "moderated", "owned", "driven",
          "captured", "compiled", "signed-off", "okayed", "ok'd", "vetoed", "blocked",
          "reassigned", "delegated", "handled", "investigated", "debugged", "reproduced",
          "translated", "illustrated", "designed", "built", "coded", "implemented",
          "photographed", "booked", "scheduled", "arranged", "cancelled", "canceled",
          "postponed", "moved", "rescheduled", "followed", "asked", "answered", "replaced",
          "authorised", "authorized", "cleared", "vouched", "accepted", "witnessed",
          "invited", "welcomed", "dm'd", "messaged", "notified", "attended");

  /** Words before "to" that make its object a person: "assigned to", "reach out to". */
  static final Set<String> TO_PERSON =
      words(
          "assigned", "reassigned", "over", "handed", "talked", "talk", "spoke", "speak",
          "speaking", "talking", "out", "escalate", "escalated", "escalating", "sent", "send",
          "sending", "forward", "forwarded", "thanks", "reply", "replied", "replying",
          "delegated", "delegate", "passed", "pass", "introduced", "introduce", "hi", "hello",
          "report", "reporting", "reports", "reported", "defer", "deferring", "deferred",
          "credit", "kudos", "shoutout", "shout-out", "props", "congrats", "congratulations",
          "goes", "went", "given", "give", "gave", "belongs", "transferred", "transfer",
          "moved", "apologies", "apologise", "apologize", "apologised", "apologized", "wrote",
          "write", "writing", "mentioned", "mention", "explained", "explain", "listen",
          "listened", "listening", "hand", "handing", "emailed", "messaged", "dm'd", "dm",
          "next", "according", "back", "due", "owed", "owe", "grateful", "thankful", "farewell",
          "goodbye", "bye", "welcome", "shout", "cheers", "ask", "asking", "assign", "route",
          "routed", "routing", "refer", "referred", "lent", "loaned", "married", "engaged",
          "close", "closest", "next", "off", "hat", "tip", "nod", "thanks", "hats");

  /** Nouns before "from" that make its object a person: "feedback from", "a note from". */
  static final Set<String> FROM_PERSON =
      words(
          "note", "notes", "message", "messages", "email", "emails", "feedback", "update",
          "updates", "request", "requests", "word", "heard", "hear", "hearing", "call", "calls",
          "ping", "reply", "replies", "comment", "comments", "input", "approval", "sign-off",
          "signoff", "go-ahead", "thumbs-up", "answer", "answers", "response", "responses",
          "pr", "review", "reviews", "dm", "invite", "invitation", "help", "handover",
          "hand-off", "handoff", "question", "questions", "idea", "ideas", "suggestion",
          "suggestions", "notes", "thanks", "kudos", "complaint", "complaints", "report",
          "reports", "ticket", "tickets", "text", "letter", "gift", "card", "proposal", "quote",
          "advice", "tip", "tips", "nudge", "reminder", "slides", "deck", "draft", "memo",
          "voicemail", "visit", "rfc", "commit", "commits", "patch", "patches", "changes",
          "learned", "learnt", "inherited", "took", "borrowed", "received", "got", "taken",
          "quotes", "quoting", "ask", "asks", "escalation", "objection", "concerns", "concern",
          "pushback", "interview", "handover:", "reference", "referral", "intro", "introduction");

  /** Nouns after a possessive that make its owner a person: "Finch's review". */
  static final Set<String> PERSONAL_NOUNS =
      words(
          "review", "reviews", "pr", "prs", "team", "comments", "comment", "feedback", "idea",
          "ideas", "proposal", "point", "points", "question", "questions", "laptop", "desk",
          "manager", "calendar", "draft", "branch", "change", "changes", "fix", "fixes",
          "patch", "code", "notes", "doc", "docs", "suggestion", "suggestions", "request",
          "approval", "sign-off", "leave", "vacation", "holiday", "holidays", "birthday",
          "farewell", "onboarding", "handover", "schedule", "message", "email", "reply",
          "ticket", "tickets", "task", "tasks", "mum", "mom", "dad", "wife", "husband",
          "partner", "kids", "son", "daughter", "work", "turn", "concern", "concerns",
          "analysis", "summary", "slides", "talk", "presentation", "demo", "estimate",
          "estimates", "view", "views", "take", "call", "mentee", "mentor", "report", "reports",
          "direct", "old", "new", "first", "last", "last-day", "promotion", "interview",
          "offer", "contract", "account", "password", "login", "phone", "number", "address",
          "office", "room", "car", "dog", "cat", "family", "baby", "wedding", "parental",
          "maternity", "paternity", "sick", "pto", "ooo", "out-of-office", "availability",
          "absence", "return", "replacement", "backlog", "queue", "plan", "plans", "design",
          "designs", "mockups", "spec", "rfc", "commit", "commits", "merge", "test", "tests",
          "script", "notebook", "query", "queries", "dashboard", "sketch", "writeup",
          "write-up", "post", "thread", "answer", "answers", "approach", "opinion",
          "recommendation", "decision", "call-out", "callout", "investigation", "findings",
          "numbers", "data", "spreadsheet", "sheet", "list", "tab", "version", "copy",
          "original", "signature", "initials", "role", "title", "position", "job", "salary",
          "performance", "1:1", "1-1", "one-on-one", "goals", "okrs", "bonus", "visa",
          "relocation", "flight", "trip", "travel", "expenses", "expense", "invoice",
          "comments,", "reviewers", "team's", "own", "help", "support", "input", "sign",
          "thoughts", "point", "worry", "objection", "pushback", "advice", "access", "rights",
          "permissions", "kid", "child", "children", "parents", "mother", "father", "leaving",
          "lightning", "keynote", "session", "workshop", "dependency", "bump", "pull",
          "laptop's", "machine", "desktop", "screen", "headset", "badge", "keys", "card",
          "car's", "flight's", "visa's", "mum's", "dad's", "retirement", "anniversary",
          "welcome", "goodbye", "send-off", "drinks", "lunch", "party", "cake", "going-away");

  /** Verbs of speech and thought after a name: only a person says, thinks or agrees. */
  static final Set<String> SPEECH_VERBS =
      words(
          "said", "says", "asked", "asks", "reported", "wrote", "writes", "mentioned",
          "mentions", "thinks", "thought", "believes", "believed", "agreed", "agrees",
          "suggested", "suggests", "confirmed", "confirms", "noted", "replied", "replies",
          "commented", "approved", "approves", "reviewed", "volunteered",
          "promised", "prefers", "preferred", "wants", "wanted", "knows", "knew", "feels",
          "felt", "proposed", "presented", "demoed", "recommended", "recommends", "explained",
          "explains", "clarified", "answered", "responded", "apologised", "apologized",
          "resigned", "retired", "celebrated", "offered", "offers", "argued", "argues",
          "insisted", "insists", "requested", "objected", "objects", "disagreed", "disagrees",
          "noticed", "spotted", "reckons", "reckoned", "guessed", "wonders", "wondered",
          "pinged", "emailed", "messaged", "texted", "called", "dm'd", "cc'd", "ok'd",
          "okayed", "vetoed", "vouched", "nominated", "thanked", "welcomed", "interviewed",
          "hired", "onboarded", "mentored", "coached", "quit", "graduated", "travelled",
          "traveled", "flew", "relocated", "paired", "synced", "chatted", "spoke", "talked",
          "met", "signed", "declined", "accepted", "organised", "organized", "hosted",
          "volunteers", "apologises", "apologizes", "laughed", "smiled", "joked", "loves",
          "loved", "likes", "liked", "hates", "hated", "remembers", "remembered", "forgot",
          "promises", "owes", "owed", "expects", "expected", "hopes", "hoped", "plans",
          "planned", "decided", "decides", "chose", "learned", "learnt", "taught", "teaches",
          "sent", "shared", "raised", "flagged", "triaged", "owns", "leads", "led", "manages",
          "managed", "needs", "tried", "helped", "helps", "took", "is", "was", "has", "had",
          "will", "would", "can", "could", "should", "might", "must", "shall", "did", "does",
          "didn't", "doesn't", "won't", "can't", "isn't", "wasn't", "hasn't", "wouldn't",
          "couldn't", "are", "were", "told", "tells", "say", "think", "agree", "disagree", "want", "know",
          "feel", "believe", "prefer", "suggest", "reckon", "argue", "insist", "hope", "expect",
          "promise", "volunteer", "admitted", "admits", "claims", "claimed", "emphasised",
          "emphasized", "warned", "warns", "pointed", "points");

  /**
   * Verbs after a word that a person does, but so can a product or a job ("Jenkins built it"):
   * they make a person only of a word that is no known word, name or product.
   */
  static final Set<String> ACTION_VERBS =
      words(
          "fixed", "fixes", "built", "builds", "designed", "tested", "merged", "pushed",
          "shipped", "deployed", "filed", "opened", "closed", "updated", "edited",
          "escalated", "rejected", "forwarded", "added", "removed", "created", "submitted",
          "logged", "migrated", "refactored", "rewrote", "rebased", "reverted", "broke",
          "touched", "drafted", "prepared", "booked", "scheduled", "handled", "covered",
          "drove", "investigated", "found", "caught", "discovered", "posted", "started",
          "left", "returned", "arrived", "visited", "moved", "wrote", "joined", "joins", "ran",
          "changed", "set", "wired", "paid", "sold", "bought", "picked", "grabbed", "closed",
          "re-ran", "reran", "kicked", "restarted", "rolled", "cut", "tagged", "bumped", "got",
          "went", "came", "made", "gave", "put", "saw", "kept", "brought", "won", "lost", "spent",
          "stood", "understood", "held", "read", "hit", "sat", "opened", "reopened", "reviews",
          "owns", "leads", "runs", "drives", "handles", "covers", "fixed", "pushed", "merged",
          "acknowledged", "reassigned", "triaged", "rebooted", "reset", "rotated", "revoked",
          "granted", "approved", "signed", "booked", "ordered", "packed", "shipped", "handed",
          "passed", "stayed", "swapped", "co-authored", "co-wrote", "stepped", "jumped",
          "volunteered", "picked", "took", "cleaned", "sorted", "wrapped", "finished",
          "completed", "delivered", "landed", "nailed", "owned", "drove", "led");

  /** After "is"/"was"/"will"...: the words that then make a person of the subject. */
  static final Set<String> PERSON_AFTER_AUX =
      words(
          "out", "off", "away", "back", "ooo", "sick", "taking", "covering",
          "working", "leading", "driving", "owning", "handling", "reviewing", "presenting",
          "travelling", "traveling", "joining", "starting", "leaving", "moving", "going",
          "visiting", "interviewing", "left", "joined", "agreed", "approved", "asked",
          "offered", "volunteered", "shared", "sent", "join", "review", "pair", "take", "cover",
          "present", "lead", "own", "handle", "send", "share", "follow", "look", "check",
          "drive", "host", "happy", "keen",
          "late",
          "confirmed", "mentioned", "said",
          "pinged", "emailed", "you", "please", "help", "ask", "call", "reach", "set",
          "write", "draft", "prepare", "update", "fix", "test", "merge", "deploy", "book",
          "schedule", "organise", "organize", "sync", "chat", "talk", "speak", "meet", "say",
          "know", "think", "want", "need", "like", "prefer", "expect", "hope", "plan",
          "mentor", "onboard", "interview", "train", "coach", "sign", "approve", "reply",
          "respond", "answer", "explain", "clarify", "decide", "confirm", "investigate",
          "definitely", "probably",
          "kindly", "gladly", "away", "promoted", "hired", "leaving,",
          "sharing", "writing", "helping", "pairing", "syncing", "chatting", "talking",
          "speaking", "meeting", "calling", "asking", "thinking", "wondering", "looking",
          "checking", "testing", "fixing", "building", "planning", "hoping", "expecting",
          "waiting", "working,", "unsure", "aware",
          "concerned", "worried", "excited", "thrilled", "delighted", "glad", "sorry",
          "grateful", "responsible", "accountable", "their",
          "wfh", "ooo", "afk", "pto",
          "ooto", "oncall", "access", "admin", "on-call", "dialling", "dialing", "calling",           "leading", "chairing", "hosting", "facilitating", "running", "owning", "taking",
          "giving", "doing", "presenting", "demoing");

  /** After "X has"/"X is": words that say X is a thing ("Rose has been flat"). */
  static final Set<String> NOT_AFTER_PERSON_AUX =
      words("been", "being", "not", "no", "a", "an", "the", "now", "still", "also", "down", "up",
          "flat", "stable", "live", "green", "red", "broken", "deprecated", "gone", "over");

  /** Verbs of an action item's "X to ...". */
  static final Set<String> ACTION_ITEM_VERBS =
      words(
          "follow", "review", "check", "own", "update", "send", "draft", "book", "schedule",
          "confirm", "investigate", "look", "fix", "write", "prepare", "share", "sync", "ping",
          "reach", "raise", "file", "take", "chase", "present", "demo", "lead", "run", "set",
          "add", "create", "organise", "organize", "circulate", "email", "call", "talk",
          "speak", "coordinate", "arrange", "finalise", "finalize", "test", "verify", "merge",
          "deploy", "handle", "cover", "pair", "triage", "document", "summarise", "summarize",
          "contact", "ask", "escalate", "sign", "approve", "reply", "respond", "collect",
          "gather", "find", "get", "clean", "close", "open", "move", "drive", "host", "invite",
          "kick", "start", "finish", "complete", "publish", "post", "announce", "brief",
          "onboard", "train", "mentor", "interview", "estimate", "plan", "benchmark", "profile",
          "rotate", "revoke", "grant", "order", "buy", "renew", "cancel", "book", "join");

  /** Words before "on" that make its object a person: "waiting on X", "depends on X". */
  static final Set<String> WAIT_ON =
      words(
          "waiting", "wait", "waits", "blocked", "depends", "depending", "counting", "rely",
          "relying", "relies", "leaning", "lean", "check", "checking", "checked", "hang",
          "hanging", "pending", "defer", "deferring", "signoff", "sign-off", "call", "calling",
          "called", "dumped", "landed", "rests", "looped");

  static final Set<String> QUESTION_AUX =
      words(
          "did", "does", "do", "can", "could", "will", "would", "has", "have", "is", "was",
          "should", "shall", "may", "might", "had", "didn't", "doesn't", "hasn't", "isn't",
          "wasn't", "won't", "can't", "couldn't", "wouldn't");

  /** Words before an unknown capitalised word that make it a thing or a place. */
  static final Set<String> ARTICLES_AND_PLACES =
      words(
          "the", "a", "an", "our", "their", "your", "my", "his", "her", "its", "this", "that",
          "these", "those", "in", "on", "at", "from", "into", "onto", "via", "using", "use",
          "uses", "used", "near", "across", "around", "inside", "within", "throughout",
          "install", "installed", "upgrade", "upgraded", "deploy", "deployed", "migrate",
          "migrated", "run", "running", "enable", "enabled", "disable", "disabled", "open",
          "opened", "launch", "launched", "configure", "configured", "new", "old", "legacy",
          "internal", "external", "every", "each", "any", "some", "no", "which", "whose",
          "visit", "visited", "flew", "fly", "travel", "moved", "relocate", "relocated",
          "based", "office", "offices", "team", "project", "app", "tool", "service", "version",
          "than", "like", "vs", "versus", "against", "over", "under", "about", "regarding",
          "per", "of", "by", "and", "or", "nor", "plus", "after", "before", "during", "since",
          "until", "till", "celebrate", "celebrating", "happy");

  static final Set<String> MONTHS =
      words(
          "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday");

  /** Endings of English words that are capitalised only for starting a sentence. */
  static final String[] ENGLISH_ENDINGS = {
    "ing", "ed", "ly", "tion", "sion", "ment", "ness", "able", "ible", "ity", "ize", "ise",
    "ful", "less", "ive", "ous", "ance", "ence", "ship", "ward", "wards",
  };

  /** Words between a greeting and a name: "Thank you X", "Thanks again X". */
  static final Set<String> GREETING_FILLERS =
      words(
          "you", "again", "so", "much", "a", "lot", "heaps", "loads", "very", "all", "both",
          "really", "for", "everything", "too", "once", "more", "guys", "there", "back", "one",
          "work", "job", "catch", "done", "stuff", "call", "point", "spot", "find", "effort",
          "idea", "question", "thinking", "save", "going", "out", "shout", "work", "first",
          "last", "day", "belated", "early", "you,");

  /** First words of places named like people: "San Francisco", "São Paulo", "Port Elizabeth". */
  static final Set<String> PLACE_HEADS =
      words(
          "san", "santa", "santo", "são", "sao", "saint", "st", "ste", "los", "las", "fort",
          "port", "mount", "mt", "lake", "cape", "new", "north", "south", "east", "west",
          "upper", "lower", "great", "little", "bay", "isla", "rio", "río", "puerto", "porto",
          "villa", "ciudad", "costa", "monte", "bad", "sankt", "glen", "loch", "ben", "cabo");

  /** After "X," at the start of a sentence: the words that show X is addressed. */
  static final Set<String> VOCATIVE_NEXT =
      words(
          "can", "could", "would", "will", "please", "pls", "plz", "any", "do", "did", "are",
          "is", "have", "has", "when", "what", "where", "how", "why", "who", "which", "quick",
          "just", "thoughts", "fyi", "let", "thanks", "thank", "great", "nice", "good",
          "welcome", "sorry", "see", "hope", "i", "we", "you", "your", "happy", "congrats",
          "heads", "mind", "ok", "okay", "are", "were", "was", "no", "yes", "sure", "agreed",
          "this", "that", "that's", "it's", "i'm", "i've", "i'll", "we're", "we've", "don't",
          "didn't", "thoughts?", "ping", "shall", "should", "may", "might", "re", "regarding",
          "about", "welcome", "well", "over", "all", "so", "also", "small", "one", "another",
          "following", "update", "reminder", "question", "tiny", "sorry,", "morning", "hi",
          "hello", "hey", "you're", "you've", "you'll", "you'd", "you", "can't", "could",
          "nice", "lovely", "brilliant", "awesome", "amazing", "legend", "quick");

  /** Words before a run that make it something other than a person: "Project Atlas". */
  static final Set<String> NOT_PERSON_BEFORE =
      words(
          "team", "project", "squad", "sprint", "release", "codename", "code-name",
          "operation", "room", "building", "product", "app", "service", "tool", "plugin",
          "channel", "bot", "office", "region", "hotel", "street", "road", "avenue", "city",
          "version", "model", "library", "framework", "module", "package", "repo", "branch",
          "cluster", "server", "host", "label", "epic", "component", "board", "space",
          "queue", "topic", "tribe", "guild", "chapter", "program", "programme", "initiative",
          "workstream", "stream", "pod", "mission", "campaign", "airport", "station",
          "university", "college", "school", "hospital", "mount", "lake", "river", "port",
          "fort", "cape", "saint", "st", "planet", "codenamed", "named", "dubbed", "called",
          "via", "using", "use", "uses", "used", "on", "in", "into", "onto", "from", "at",
          "near", "#");

  /** Words after a run that make it something other than a person: "Phoenix squad". */
  static final Set<String> NOT_PERSON_AFTER =
      words(
          "team", "teams", "squad", "project", "service", "services", "cluster", "server",
          "servers", "repo", "repository", "board", "space", "channel", "release", "releases",
          "app", "apps", "api", "apis", "bot", "pipeline", "pipelines", "region", "office",
          "offices", "dashboard", "dashboards", "database", "db", "library", "plugin",
          "plugins", "module", "package", "framework", "build", "builds", "job", "jobs",
          "queue", "topic", "instance", "instances", "branch", "street", "st", "road", "rd",
          "avenue", "ave", "lane", "drive", "way", "bridge", "station", "airport",
          "university", "college", "hospital", "inc", "ltd", "llc", "corp", "gmbh", "labs",
          "sdk", "cli", "edition", "migration", "upgrade", "rollout", "launch", "workshop",
          "offsite", "summit", "conference", "meetup", "hackathon", "program", "programme",
          "initiative", "workstream", "tribe", "guild", "pod", "account", "accounts", "tenant",
          "cloud", "platform", "stack", "engine", "console", "portal", "site", "sites", "page",
          "pages", "wiki", "docs", "doc", "spec", "file", "files", "folder", "report",
          "reports", "metrics", "logs", "alerts", "alert", "integration", "integrations",
          "connector", "connectors", "version", "versions", "config", "configuration",
          "cluster's", "deployment", "deployments", "environment", "env", "sandbox", "license",
          "licence", "licenses", "plan", "tier", "subscription", "contract", "vendor",
          "partner", "partners", "customer", "customers", "ticket", "tickets", "issue",
          "issues", "epic", "epics", "story", "stories", "task", "tasks", "sprint", "roadmap",
          "backlog", "okrs", "okr", "goals", "county", "state", "province", "river", "valley",
          "park", "square", "hall", "centre", "center", "museum", "theatre", "theater",
          "stadium", "tower", "towers", "building", "campus", "hq", "headquarters", "data",
          "model", "models", "dataset", "datasets", "format", "protocol", "standard",
          "specification", "schema", "schemas", "table", "tables", "index", "cache", "mode",
          "industries", "enterprises", "traders", "rail", "railways", "corporation", "company",
          "co", "plc", "ag", "sa", "nv", "bv", "pty", "limited", "associates", "consulting",
          "logistics", "pharma", "pharmaceuticals", "bank", "telecom", "networks", "global",
          "blvd", "boulevard", "close", "court", "ct", "crescent", "terrace", "place", "pl",
          "square", "sq", "row", "mews", "gardens", "grove", "hill", "walk", "quay", "wharf",
          "parkway", "highway", "hwy", "ln", "dr", "bank", "group", "holdings", "partners",
          "capital", "ventures", "systems", "solutions", "technologies", "software", "health",
          "insurance", "bancorp", "airlines", "motors", "foods", "energy", "media", "studios");

  /** Words that point at a name and so are never one themselves. */
  static final Set<String> CONTEXT_WORDS = union();

  private static Set<String> union() {
    java.util.HashSet<String> all = new java.util.HashSet<>();
    all.addAll(GREETINGS);
    all.addAll(SIGN_OFFS);
    all.addAll(TAKES_PERSON);
    all.addAll(SPEECH_VERBS);
    all.addAll(ACTION_VERBS);
    all.addAll(TITLES);
    all.addAll(LIST_HEADS);
    return Set.copyOf(all);
  }

}
