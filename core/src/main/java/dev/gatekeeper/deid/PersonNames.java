package dev.gatekeeper.deid;

import java.util.Set;

/**
 * Finds the names of any person in free text, whoever they are, and records them as
 * {@link Placeholder#NAME}.
 *
 * <h2>How a name is recognised</h2>
 *
 * The text is cut into words; runs of capitalised words (or words of scripts without case),
 * joined by single spaces, name particles ({@code van der}, {@code Mac}, {@code bin}) and
 * initials, are the candidates. Each word is looked up in the {@link Lexicon}:
 *
 * <ul>
 *   <li><b>strong</b>: recorded as a given or family name in some locale and not an English
 *       word ("Henrik", "Aaltonen", "Oyinlola");
 *   <li><b>weak</b>: recorded as a name but also an ordinary word, place or product ("Mark",
 *       "Will", "Rose", "Park", "Jordan");
 *   <li><b>unknown</b>: neither a recorded name nor an English word ("Okonjo", "Suibhne");
 *   <li><b>ordinary</b>: an English word, place, month or product that is not a recorded name,
 *       an acronym, or a word with digits or inner capitals; it ends a run.
 * </ul>
 *
 * A run is a name when it holds a strong word, or is a given name followed by a family name
 * ("Will Smith"), unless its neighbours say it is not a person ("the Phoenix team"). Any other
 * run (weak or unknown words only) is a name only where the context says person: after a title
 * (kept inside the placeholder), in a greeting or sign-off, after a verb that takes a person
 * ("ask", "paired with", "assigned to", "reviewed by"), after a list head ("Attendees:"), before
 * a verb that takes a person as subject ("said", "will review"), with a possessive before a
 * personal noun ("X's review"), addressed ("X, can you ..."), or in a list with a name ("A, B and
 * C"). So "Mark as done", "Will this fix it?" and "the May release" stay, while "Thanks, Bill" and
 * "Ottoline said" do not.
 *
 * <p>No name list is written in this class: names come from the lexicon, which is built from
 * public name lists of many locales; the words here are the grammar around names.
 */
final class PersonNames {
  private static final byte ORDINARY = 0;
  private static final byte UNKNOWN = 1;
  private static final byte WEAK = 2;
  private static final byte STRONG = 3;
  /** A particle that may join the words of a name but never makes one alone. */
  private static final byte PARTICLE = 4;
  /** A single capital letter with a dot: an initial inside a name ("John F. Kennedy"). */
  private static final byte INITIAL = 5;

  private static final int NAME_FLAGS = Lexicon.GIVEN | Lexicon.FAMILY;
  /** Flags of a word that may be a name but needs the context to say so. */
  private static final int MAYBE_NAME_FLAGS = Lexicon.PERSON | Lexicon.PROPER | Lexicon.RARE;
  private static final int WORD_FLAGS =
      Lexicon.COMMON | Lexicon.PROPER | Lexicon.TECH | Lexicon.STOP;

  private static final Set<String> TITLES =
      words(
          "dr", "mr", "mrs", "ms", "mx", "miss", "prof", "professor", "sir", "dame", "madam",
          "mme", "mlle", "herr", "frau", "sr", "sra", "srta", "dott", "dra", "doctor", "lady",
          "lord", "rev", "fr", "capt", "col", "gen", "sgt", "hon", "judge", "justice");

  private static final Set<String> PARTICLES =
      words(
          "van", "von", "der", "den", "de", "del", "della", "dello", "di", "da", "das", "dos",
          "du", "la", "le", "lo", "ter", "ten", "te", "zu", "zum", "bin", "binti", "binte", "ibn",
          "bint", "ben", "al", "el", "abu", "mac", "mc", "nic", "ní", "ó", "ua", "ap", "y", "e",
          "st", "ste", "vanden", "vander", "af", "av", "dela", "dei", "degli", "delle", "des");

  private static final Set<String> GREETINGS =
      words(
          "hi", "hello", "hey", "hiya", "dear", "thanks", "thank", "thx", "ty", "cheers",
          "congrats", "congratulations", "welcome", "morning", "evening", "afternoon", "bye",
          "sorry", "yo", "ta", "kudos", "bravo", "howdy", "greetings", "hallo", "hej", "hola",
          "ciao", "salut", "bonjour", "night", "goodnight", "farewell", "cc", "bcc", "attn",
          "birthday", "anniversary", "nice", "great", "good", "well", "awesome", "brilliant",
          "lovely", "excellent", "fantastic", "superb", "amazing", "bravo", "shout", "cheerio");

  private static final Set<String> SIGN_OFFS =
      words(
          "regards", "best", "cheers", "thanks", "sincerely", "yours", "love", "rgds", "br",
          "peace", "thankyou", "tks", "tnx", "appreciated", "onwards", "onward", "respect",
          "ta", "thx", "wishes", "faithfully", "truly", "soon", "warmly", "gratefully",
          "respectfully", "later", "signed", "sent", "from", "xoxo", "tschüss", "saludos",
          "cordialement", "gruß", "grüße");

  private static final Set<String> LIST_HEADS =
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
  private static final Set<String> TAKES_PERSON =
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
  private static final Set<String> WITH_PERSON =
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
  private static final Set<String> BY_PERSON =
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
  private static final Set<String> TO_PERSON =
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
  private static final Set<String> FROM_PERSON =
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
  private static final Set<String> PERSONAL_NOUNS =
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
  private static final Set<String> SPEECH_VERBS =
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
  private static final Set<String> ACTION_VERBS =
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
  private static final Set<String> PERSON_AFTER_AUX =
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
  private static final Set<String> NOT_AFTER_PERSON_AUX =
      words("been", "being", "not", "no", "a", "an", "the", "now", "still", "also", "down", "up",
          "flat", "stable", "live", "green", "red", "broken", "deprecated", "gone", "over");

  /** Verbs of an action item's "X to ...". */
  private static final Set<String> ACTION_ITEM_VERBS =
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
  private static final Set<String> WAIT_ON =
      words(
          "waiting", "wait", "waits", "blocked", "depends", "depending", "counting", "rely",
          "relying", "relies", "leaning", "lean", "check", "checking", "checked", "hang",
          "hanging", "pending", "defer", "deferring", "signoff", "sign-off", "call", "calling",
          "called", "dumped", "landed", "rests", "looped");

  private static final Set<String> QUESTION_AUX =
      words(
          "did", "does", "do", "can", "could", "will", "would", "has", "have", "is", "was",
          "should", "shall", "may", "might", "had", "didn't", "doesn't", "hasn't", "isn't",
          "wasn't", "won't", "can't", "couldn't", "wouldn't");

  /** Words before an unknown capitalised word that make it a thing or a place. */
  private static final Set<String> ARTICLES_AND_PLACES =
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

  private static final Set<String> MONTHS =
      words(
          "january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december", "monday", "tuesday", "wednesday",
          "thursday", "friday", "saturday", "sunday");

  /** Endings of English words that are capitalised only for starting a sentence. */
  private static final String[] ENGLISH_ENDINGS = {
    "ing", "ed", "ly", "tion", "sion", "ment", "ness", "able", "ible", "ity", "ize", "ise",
    "ful", "less", "ive", "ous", "ance", "ence", "ship", "ward", "wards",
  };

  /** Words between a greeting and a name: "Thank you X", "Thanks again X". */
  private static final Set<String> GREETING_FILLERS =
      words(
          "you", "again", "so", "much", "a", "lot", "heaps", "loads", "very", "all", "both",
          "really", "for", "everything", "too", "once", "more", "guys", "there", "back", "one",
          "work", "job", "catch", "done", "stuff", "call", "point", "spot", "find", "effort",
          "idea", "question", "thinking", "save", "going", "out", "shout", "work", "first",
          "last", "day", "belated", "early", "you,");

  /** First words of places named like people: "San Francisco", "São Paulo", "Port Elizabeth". */
  private static final Set<String> PLACE_HEADS =
      words(
          "san", "santa", "santo", "são", "sao", "saint", "st", "ste", "los", "las", "fort",
          "port", "mount", "mt", "lake", "cape", "new", "north", "south", "east", "west",
          "upper", "lower", "great", "little", "bay", "isla", "rio", "río", "puerto", "porto",
          "villa", "ciudad", "costa", "monte", "bad", "sankt", "glen", "loch", "ben", "cabo");

  /** After "X," at the start of a sentence: the words that show X is addressed. */
  private static final Set<String> VOCATIVE_NEXT =
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
  private static final Set<String> NOT_PERSON_BEFORE =
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
  private static final Set<String> NOT_PERSON_AFTER =
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
  private static final Set<String> CONTEXT_WORDS = union();

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

  private PersonNames() {}

  /** A set of lower-case words; repeats across the lists' themes are harmless. */
  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  /** Records every person's name found in {@code text}. */
  static void find(String text, Spans out) {
    Words w = Words.of(text);
    if (w.count == 0) {
      return;
    }
    byte[] kind = new byte[w.count];
    boolean anyCandidate = false;
    for (int i = 0; i < w.count; i++) {
      kind[i] = classify(w, i);
      anyCandidate |= kind[i] == STRONG || kind[i] == WEAK || kind[i] == UNKNOWN;
    }
    if (!anyCandidate) {
      return;
    }
    new Decider(w, kind, out).run();
  }

  // ------------------------------------------------------------------------------- words

  private static byte classify(Words w, int i) {
    String text = w.text;
    int s = w.start[i];
    int e = w.nameEnd(i);
    char c0 = text.charAt(s);
    if (c0 < 128 && !(c0 >= 'A' && c0 <= 'Z')) {
      // Lower case or a digit, as most words are: only "al-Hashimi" can be a name.
      return c0 >= 'a' && c0 <= 'z' && e - s > 3 && particleHyphenName(w, i) ? UNKNOWN : ORDINARY;
    }
    int first = text.codePointAt(s);
    if (!Character.isLetter(first)) {
      return ORDINARY;
    }
    boolean upper = Character.isUpperCase(first) || Character.isTitleCase(first);
    boolean uncased = !upper && !Character.isLowerCase(first);
    if (!upper && !uncased) {
      // Most words; a lower-case particle matters only between name words, so it is looked up
      // there (joinsName), sparing a string per word here.
      return e - s > 3 && particleHyphenName(w, i) ? UNKNOWN : ORDINARY;
    }
    String word = text.substring(s, e);
    // One lower-case key per capitalised word, shared by every look-up below.
    String key = Lexicon.key(word);
    if (e - s == 1 && upper && w.dotAfter(i)
        && !(s >= 2 && text.charAt(s - 1) == '.' && Character.isLetter(text.charAt(s - 2)))) {
      // "B. Jovanović" is an initial; "P.S." and "U.S." are abbreviations.
      return w.spaceAfterDot(i) ? INITIAL : ORDINARY;
    }
    if (w.inCode(i)) {
      return ORDINARY;
    }
    if (PARTICLES.contains(key) && !isAllCaps(word) && w.capitalisedNext(i)) {
      return PARTICLE; // "De Souza", "Van der Merwe"; alone, "Mac" is a computer
    }
    if (uncased) {
      return classifyUncased(word);
    }
    if (isAllCaps(word) || hasDigitOrInnerCapital(word) || word.length() < 2
        || (word.length() > 1 && Character.isUpperCase(word.charAt(1)))) {
      return ORDINARY; // "QA", "DAGs", "GitHub", "B": acronyms and code, not names
    }
    if (CONTEXT_WORDS.contains(key)) {
      return ORDINARY; // "Ping", "Thanks", "Regards": they point at names, they aren't ones
    }
    int flags = lookUp(word, key);
    if ((flags & Lexicon.TECH) != 0 || MONTHS.contains(key)) {
      return ORDINARY; // "Kafka", "Ruby", "August": in work text, a product or a month
    }
    boolean name = (flags & NAME_FLAGS) != 0;
    boolean ordinary = (flags & (WORD_FLAGS | Lexicon.RARE)) != 0;
    if (name) {
      return ordinary || (flags & Lexicon.PROPER) != 0 ? WEAK : STRONG;
    }
    if ((flags & (Lexicon.COMMON | Lexicon.STOP | Lexicon.TECH)) != 0) {
      return ORDINARY;
    }
    if (word.endsWith("s") && word.length() > 3
        && (lookUp(word.substring(0, word.length() - 1)) & (WORD_FLAGS | Lexicon.PROPER)) != 0
        && (lookUp(word.substring(0, word.length() - 1)) & NAME_FLAGS) == 0) {
      return ORDINARY; // "Wednesdays", "Kubernetes'": a plural of a word or place
    }
    // A famous person, a place or a rare word ("Darwin", "Jordan", "Gao"): a name only where
    // the context says so.
    return (flags & MAYBE_NAME_FLAGS) != 0 ? WEAK : UNKNOWN;
  }

  /**
   * A lower-case word that is a name with a particle joined by a hyphen ("al-Hashimi",
   * "bin-Laden", "ben-David"): the particle is lower case but the name after it is not.
   */
  private static boolean particleHyphenName(Words w, int i) {
    String text = w.text;
    int s = w.start[i];
    int e = w.nameEnd(i);
    int hyphen = -1;
    for (int k = s + 1; k < Math.min(e - 1, s + 5); k++) {
      if (text.charAt(k) == '-') {
        hyphen = k;
        break;
      }
    }
    if (hyphen < 0) {
      return false;
    }
    return Character.isUpperCase(text.charAt(hyphen + 1))
        && PARTICLES.contains(text.substring(s, hyphen));
  }

  /**
   * The flags of a word, of its hyphenated parts ("Okonjo-Ferreira": a name when a part is one,
   * a word only when every part is), or of the name after an Irish or Italian prefix ("O'Neill").
   */
  private static int lookUp(String word) {
    return lookUp(word, Lexicon.key(word));
  }

  /** {@link #lookUp(String)} with the word's key already made. */
  private static int lookUp(String word, String key) {
    Lexicon lexicon = Lexicon.standard();
    int flags = lexicon.flagsOfKey(key);
    if (flags != 0) {
      return flags;
    }
    int hyphen = word.indexOf('-');
    if (hyphen > 0) {
      int names = 0;
      boolean everyPartAWord = true;
      for (String part : word.split("-")) {
        int f = part.isEmpty() ? 0 : lexicon.flags(part);
        names |= f & NAME_FLAGS;
        everyPartAWord &= part.isEmpty() || (f & WORD_FLAGS) != 0;
      }
      return names | (everyPartAWord ? Lexicon.COMMON : 0);
    }
    int apostrophe = apostropheIndex(word);
    if (apostrophe == 1 || apostrophe == 2) {
      int f = lexicon.flags(word.substring(apostrophe + 1));
      return f & NAME_FLAGS;
    }
    return 0;
  }

  private static int apostropheIndex(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '\'' || c == '\u2019') {
        return i;
      }
    }
    return -1;
  }

  /**
   * A word of a script without case (Han, Hangul, Arabic, Devanagari...): a name when recorded
   * as one, or when a CJK word of two to four characters starts with a recorded family name.
   */
  private static byte classifyUncased(String word) {
    Lexicon lexicon = Lexicon.standard();
    int flags = lexicon.flags(word);
    if ((flags & NAME_FLAGS) != 0) {
      return STRONG;
    }
    int length = word.codePointCount(0, word.length());
    Character.UnicodeScript script = Character.UnicodeScript.of(word.codePointAt(0));
    boolean han = script == Character.UnicodeScript.HAN;
    boolean hangul = script == Character.UnicodeScript.HANGUL;
    // A family name then a recorded given name ("山田" + "太郎"); or, for the three-syllable
    // shape nearly every Korean and most Chinese names have, a family name then two more.
    if ((han || hangul) && length >= 3 && length <= 4) {
      for (int k = 1; k <= 2 && k < length; k++) {
        int cut = word.offsetByCodePoints(0, k);
        if ((lexicon.flags(word.substring(0, cut)) & Lexicon.FAMILY) != 0
            && ((lexicon.flags(word.substring(cut)) & Lexicon.GIVEN) != 0
                || (k == 1 && length == 3))) {
          return STRONG;
        }
      }
    }
    return (flags & WORD_FLAGS) != 0 ? ORDINARY : UNKNOWN;
  }

  private static boolean isAllCaps(String word) {
    int letters = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
      }
    }
    return letters >= 2;
  }

  /**
   * Digits, or a capital after a lower-case letter that is not a name's ("GitHub", "iOS"):
   * "McDonald", "MacLeod", "DeShawn", "LaToya" and capitals after a hyphen or apostrophe stay
   * name-like.
   */
  private static boolean hasDigitOrInnerCapital(String word) {
    for (int i = 1; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isDigit(c)) {
        return true;
      }
      if (Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
        String head = word.substring(0, i);
        if (!(head.equals("Mc") || head.equals("Mac") || head.equals("De") || head.equals("La")
            || head.equals("Le") || head.equals("Di") || head.equals("Da") || head.equals("Van")
            || head.equals("Fitz") || head.equals("Du") || head.equals("Nic") || head.equals("Ní")
            || head.equals("Ó") || head.equals("Ap") || head.equals("Al") || head.equals("El"))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------- decisions

  /** Groups candidate words into runs and decides each; one instance per call. */
  private static final class Decider {
    private final Words w;
    private final byte[] kind;
    private final Spans out;
    /** Run of each word (-1 when in none); runs are numbered in text order. */
    private final int[] runOf;
    private int[] runFirst = new int[8];
    private int[] runLast = new int[8];
    private byte[] decided = new byte[8];
    private int runs;

    private static final byte UNDECIDED = 0;
    private static final byte NAME = 1;
    private static final byte NOT_NAME = 2;

    Decider(Words w, byte[] kind, Spans out) {
      this.w = w;
      this.kind = kind;
      this.out = out;
      this.runOf = new int[w.count];
    }

    void run() {
      buildRuns();
      for (int r = 0; r < runs; r++) {
        decided[r] = decide(r);
      }
      // Lists: a run joined by "," "and" "&" "or" to a name is a name too.
      boolean changed = true;
      for (int pass = 0; changed && pass < 4; pass++) {
        changed = false;
        for (int r = 0; r < runs; r++) {
          if (decided[r] == UNDECIDED
              && ((r > 0 && decided[r - 1] == NAME && listJoined(runLast[r - 1], runFirst[r]))
                  || (r + 1 < runs
                      && decided[r + 1] == NAME
                      && listJoined(runLast[r], runFirst[r + 1])))) {
            decided[r] = NAME;
            changed = true;
          }
        }
      }
      for (int r = 0; r < runs; r++) {
        if (decided[r] == NAME) {
          int from = titleBefore(runFirst[r]) ? titleStart(runFirst[r]) : leadingParticles(runFirst[r]);
          out.add(from, w.nameEnd(runLast[r]), Placeholder.NAME);
        }
      }
    }

    private void buildRuns() {
      int i = 0;
      while (i < w.count) {
        runOf[i] = -1;
        if (!isNameWord(kind[i])) {
          i++;
          continue;
        }
        int first = i;
        int last = i;
        int j = i + 1;
        // Extend over single spaces, particles and initials, while the previous word has no
        // possessive (which ends a name) and the next name word follows.
        while (j < w.count && !w.possessive(last) && nameGap(j)) {
          if (isNameWord(kind[j])) {
            last = j;
            j++;
          } else if (surnameAfterGivenName(last, j)) {
            kind[j] = WEAK; // "Emyr Parry", "Faith Bishop": a surname that is also a word
            last = j;
            j++;
          } else if (joinsName(j) && particleRunContinues(j)) {
            j++;
          } else {
            break;
          }
        }
        if (first < last && w.sentenceStart(first)
            && ((kind[first] == WEAK && peelable(first))
                || (kind[first] == UNKNOWN && englishEnding(w.word(first))))) {
          first++; // "Loved Aikaterini's talk": a capital for the sentence, not for a name
          while (first < last && !isNameWord(kind[first])) {
            first++;
          }
        }
        addRun(first, last);
        for (int k = first; k <= last; k++) {
          runOf[k] = runs - 1;
        }
        i = last + 1;
      }
    }

    /**
     * Whether a sentence's first word, capitalised only for being first, is an English word
     * rather than a given name before a family name: it is when it is no given name, or when a
     * given name follows it ("Will Ayo join?").
     */
    private boolean peelable(int first) {
      Lexicon lexicon = Lexicon.standard();
      int f = lexicon.flags(w.word(first));
      if ((f & (Lexicon.COMMON | Lexicon.STOP)) == 0) {
        return false;
      }
      return (f & Lexicon.GIVEN) == 0 || (lookUp(w.word(first + 1)) & Lexicon.GIVEN) != 0
          || (f & Lexicon.STOP) != 0;
    }

    private boolean englishEnding(String word) {
      String lower = Lexicon.key(word);
      for (String ending : ENGLISH_ENDINGS) {
        if (lower.length() > ending.length() + 2 && lower.endsWith(ending)) {
          return true;
        }
      }
      return false;
    }

    /** Whether words {@code j - 1} and {@code j} may be parts of one name: a space, or ". " after an initial. */
    private boolean nameGap(int j) {
      if (w.spaceOnlyBefore(j)) {
        return true;
      }
      if (j == 0 || kind[j - 1] != INITIAL) {
        return false;
      }
      String gap = w.gapBefore(j);
      return gap.equals(". ") || gap.equals(".") || gap.equals(".\u00A0");
    }

    /**
     * Whether capitalised word {@code j}, an English word, is the family name of the given name
     * at {@code last}: "Emyr Parry", "Faith Bishop", "Rose Brown".
     */
    private boolean surnameAfterGivenName(int last, int j) {
      if (kind[j] != ORDINARY || !Character.isUpperCase(w.text.charAt(w.start[j]))
          || (kind[last] != STRONG && kind[last] != WEAK)) {
        return false;
      }
      String word = w.word(j);
      if (word.length() < 3 || isAllCaps(word) || hasDigitOrInnerCapital(word)) {
        return false;
      }
      String key = Lexicon.key(word);
      int flags = Lexicon.standard().flags(word);
      return ((Lexicon.standard().flags(w.word(last)) & Lexicon.GIVEN) != 0 || kind[last] == UNKNOWN)
          && (flags & Lexicon.COMMON) != 0
          && (flags & (Lexicon.STOP | Lexicon.TECH)) == 0
          && !CONTEXT_WORDS.contains(key) && !MONTHS.contains(key)
          && !NOT_PERSON_AFTER.contains(key);
    }

    /** Whether particles and initials from {@code j} lead to a name word. */
    private boolean particleRunContinues(int j) {
      int k = j;
      while (k < w.count && joinsName(k) && nameGap(k) && !w.possessive(k)) {
        k++;
      }
      return k < w.count && nameGap(k) && isNameWord(kind[k]) && k - j <= 3;
    }

    /** Where the title before a name starting at word {@code first} starts. */
    private int titleStart(int first) {
      while (first > 0 && w.spaceOnlyBefore(first) && joinsName(first - 1)) {
        first--;
      }
      return w.start[first - 1];
    }

    /** Where a name starting at word {@code first} starts, with particles before it ("De Souza"). */
    private int leadingParticles(int first) {
      int k = first;
      while (k > 0 && nameGap(k) && joinsName(k - 1) && first - k < 3) {
        k--;
      }
      return w.start[k];
    }

    /** A particle or an initial: joins the words of a name without being a name word. */
    private boolean joinsName(int j) {
      if (kind[j] == PARTICLE || kind[j] == INITIAL) {
        return true;
      }
      int length = w.end[j] - w.start[j];
      return kind[j] == ORDINARY && length <= 6
          && Character.isLowerCase(w.text.charAt(w.start[j]))
          && PARTICLES.contains(w.word(j));
    }

    private void addRun(int first, int last) {
      if (runs == runFirst.length) {
        runFirst = java.util.Arrays.copyOf(runFirst, runs * 2);
        runLast = java.util.Arrays.copyOf(runLast, runs * 2);
        decided = java.util.Arrays.copyOf(decided, runs * 2);
      }
      runFirst[runs] = first;
      runLast[runs] = last;
      runs++;
    }

    private byte decide(int r) {
      int first = runFirst[r];
      int last = runLast[r];
      int strong = 0;
      int weak = 0;
      int nameWords = 0;
      for (int k = first; k <= last; k++) {
        if (kind[k] == STRONG) {
          strong++;
        } else if (kind[k] == WEAK) {
          weak++;
        }
        if (isNameWord(kind[k])) {
          nameWords++;
        }
      }
      if (titleBefore(first)) {
        return NAME;
      }
      if (placeOrThing(first, last) || (nameWords == 1 && stopWord(first))) {
        return NOT_NAME; // "Acme Corp", "San Francisco"; "Just", "May" alone
      }
      if (personContext(first, last)) {
        return NAME;
      }
      if (notPersonContext(first, last)) {
        return NOT_NAME;
      }
      if (strong > 0 && !(nameWords == 1 && stopWord(first))) {
        return NAME;
      }
      int unknown = nameWords - strong - weak;
      if (nameWords >= 2 && unknown > 0 && englishWords(first, last) == 0) {
        // Two or more capitalised words that are no English word, place or product: in work
        // text, a person ("Xiaoming Qin", "Charalampos Papadopoulos").
        return NAME;
      }
      if (nameWords >= 2 && weak + strong == nameWords && givenThenFamily(first, last)
          && (!w.sentenceStart(first) || englishWords(first, last) < nameWords)) {
        // Inside a sentence, "Amber Swift"; first in one, "Rose Garden" is too likely a thing.
        return NAME;
      }
      if (unknown == nameWords && bareProperNoun(first)) {
        return NAME;
      }
      return UNDECIDED;
    }

    /**
     * A run that WordNet records as a place or thing ("São Paulo", "Earl Grey"), that starts
     * like a place name ("San Francisco"), or that ends with a company or product word.
     */
    private boolean placeOrThing(int first, int last) {
      Lexicon lexicon = Lexicon.standard();
      if (first < last) {
        for (int a = first; a < last; a++) {
          for (int b = a + 1; b <= Math.min(last, a + 3); b++) {
            String phrase = Lexicon.key(w.text.substring(w.start[a], w.nameEnd(b)));
            if ((lexicon.flags(phrase) & Lexicon.PROPER) != 0) {
              return true;
            }
          }
        }
        if (PLACE_HEADS.contains(Lexicon.key(w.word(first)))) {
          return true;
        }
        // "Victoria Park", "Acme Corp"; but "Hyun-woo Park" is a person, the first word a name
        // that is no place.
        if (NOT_PERSON_AFTER.contains(Lexicon.key(w.word(last)))
            && !((lookUp(w.word(last)) & Lexicon.FAMILY) != 0
                && (kind[first] == STRONG || kind[first] == UNKNOWN))) {
          return true;
        }
      }
      return first > 0 && w.spaceOnlyBefore(first)
          && PLACE_HEADS.contains(Lexicon.key(w.word(first - 1)))
          && Character.isUpperCase(w.text.charAt(w.start[first - 1]));
    }

    /** How many words of the run are also English words (not just places or famous people). */
    private int englishWords(int first, int last) {
      int count = 0;
      for (int k = first; k <= last; k++) {
        if (kind[k] == WEAK && (lookUp(w.word(k)) & (WORD_FLAGS & ~Lexicon.PROPER)) != 0) {
          count++;
        }
      }
      return count;
    }

    /**
     * A capitalised word that is no English word, name list entry, place or product, inside a
     * sentence, with no article or place preposition before it: what work text writes so is
     * mostly a person ("ask about it in the channel, Tzipora knows"), while unknown products
     * and places come after "the", "our", "in", "at", "on"...
     */
    private boolean bareProperNoun(int first) {
      if (w.sentenceStart(first) || !Character.isUpperCase(w.text.charAt(w.start[first]))) {
        return false;
      }
      if (first > 0 && w.spaceOnlyBefore(first)) {
        String prev = Lexicon.key(w.word(first - 1));
        if (ARTICLES_AND_PLACES.contains(prev)) {
          return false;
        }
        char c = w.text.charAt(w.start[first - 1]);
        if (Character.isDigit(c)) {
          return false; // a city after a postcode: "80434 München"
        }
        if (Character.isUpperCase(c) && !w.sentenceStart(first - 1)) {
          return false; // after another capitalised word that is no name: "Acme Zorbly"
        }
      }
      return true;
    }

    private boolean stopWord(int i) {
      return (Lexicon.standard().flags(w.word(i)) & Lexicon.STOP) != 0;
    }

    /**
     * A given name then a family name where at most one is also an English word ("Grace
     * Okafor", "Jordan Hale"; not "Earl Grey" or "Rose Garden").
     */
    private boolean givenThenFamily(int first, int last) {
      Lexicon lexicon = Lexicon.standard();
      int given = lexicon.flags(w.word(first));
      int family = lookUp(w.word(last));
      return (given & Lexicon.GIVEN) != 0
          && (family & (Lexicon.FAMILY | Lexicon.PERSON)) != 0
          && (given & (Lexicon.TECH | Lexicon.STOP)) == 0
          && (family & (Lexicon.TECH | Lexicon.STOP)) == 0
          && !isMonthOrDay(first);
    }

    private boolean isMonthOrDay(int i) {
      String k = Lexicon.key(w.word(i));
      return k.equals("may") || k.equals("june") || k.equals("april") || k.equals("august")
          || k.equals("march");
    }

    // ------------------------------------------------------------------------ contexts

    private boolean personContext(int first, int last) {
      return titleBefore(first)
          || leftContext(first, last)
          || rightContext(first, last);
    }

    private boolean titleBefore(int first) {
      while (first > 0 && w.spaceOnlyBefore(first) && joinsName(first - 1)) {
        first--; // "Mrs de Boer"
      }
      if (first == 0) {
        return false;
      }
      int t = first - 1;
      if (!TITLES.contains(Lexicon.key(w.word(t)))) {
        return false;
      }
      char c = w.text.charAt(w.start[t]);
      return Character.isUpperCase(c) && w.gapIsTitleGap(t, first);
    }

    private boolean leftContext(int first, int last) {
      if (first == 0) {
        return false;
      }
      int p = first - 1;
      String prev = Lexicon.key(w.word(p));
      String gap = w.gapBefore(first);
      boolean plainGap = gap.equals(" ");
      boolean commaGap = gap.trim().equals(",");
      boolean colonGap = gap.trim().equals(":") || gap.trim().equals(":-") || gap.trim().equals("-");
      boolean sentenceStartPrev = w.sentenceStart(p);

      // Greetings open a sentence: "Hi X", "Thanks, X", "Thank you X".
      if ((plainGap || commaGap) && GREETINGS.contains(prev)
          && (sentenceStartPrev || (p > 0 && w.sentenceStart(p - 1) && isThankYouOrGood(p)))) {
        return true;
      }
      if ((plainGap || commaGap) && greetingBefore(p)) {
        return true;
      }
      // Sign-offs close a text: "Regards, X" / "Best,\nX" / "— X".
      if (SIGN_OFFS.contains(prev) && (commaGap || gap.indexOf('\n') >= 0 || plainGap)
          && w.endsSentenceOrText(last) && (commaGap || gap.indexOf('\n') >= 0
              || sentenceStartPrev || prev.equals("regards") || prev.equals("wishes"))) {
        return true;
      }
      if ((gap.contains("\u2014") || gap.contains("\u2013") || gap.contains("--")
              || gap.endsWith("- ") || gap.endsWith("-"))
          && w.endsSentenceOrText(last) && w.atTextEndAfter(last)) {
        return true;
      }
      // List heads: "Attendees: A, B", "Owner: X", "cc: X".
      if (colonGap && LIST_HEADS.contains(prev)) {
        return true;
      }
      if (!plainGap && !(commaGap && (prev.equals("thanks") || prev.equals("cheers")))) {
        return false;
      }
      if (TAKES_PERSON.contains(prev)) {
        return true;
      }
      if (p > 0) {
        String before = Lexicon.key(w.word(p - 1));
        boolean spaced = w.gapBefore(p).equals(" ");
        if (spaced && prev.equals("with") && WITH_PERSON.contains(before)) {
          return true;
        }
        if (spaced && prev.equals("by") && BY_PERSON.contains(before)) {
          return true;
        }
        if (spaced && prev.equals("to") && TO_PERSON.contains(before)) {
          return true;
        }
        if (spaced && prev.equals("from") && FROM_PERSON.contains(before)) {
          return true;
        }
        if (spaced && (prev.equals("and") || prev.equals("&")) && before.equals("me")) {
          return true;
        }
        if (spaced && prev.equals("on") && WAIT_ON.contains(before)) {
          return true;
        }
        if (spaced && prev.equals("in") && (before.equals("loop") || before.equals("looped")
            || before.equals("looping"))) {
          return true;
        }
        if (spaced && prev.equals("up") && (before.equals("follow") || before.equals("followed")
            || before.equals("following")) ) {
          return false;
        }
        if (spaced && prev.equals("for") && (before.equals("covering") || before.equals("cover")
            || before.equals("waiting") || before.equals("wait") || before.equals("asked")
            || before.equals("ask") || before.equals("standing") || before.equals("filling"))) {
          return true;
        }
        if (spaced && p > 1 && prev.equals("to") && before.equals("out")
            && Lexicon.key(w.word(p - 2)).startsWith("reach")) {
          return true;
        }
      }
      if (prev.equals("with") && (p == 0 || w.sentenceStart(p)
          || (startsWithGivenName(first) && w.endsSentenceOrText(last)))) {
        return true;
      }
      return false;
    }

    /**
     * "Thank you X", "Thanks again X", "Happy work anniversary, X": from the sentence start up
     * to the name, only greeting words and their fillers, with a greeting among them.
     */
    private boolean greetingBefore(int p) {
      boolean greeting = false;
      for (int k = p; k >= 0 && p - k < 4; k--) {
        String word = Lexicon.key(w.word(k));
        boolean isGreeting = GREETINGS.contains(word) || word.equals("happy");
        if (!isGreeting && !GREETING_FILLERS.contains(word)) {
          return false;
        }
        greeting |= isGreeting;
        if (w.sentenceStart(k)) {
          return greeting && k < p;
        }
      }
      return false;
    }

    private boolean isThankYouOrGood(int p) {
      String before = Lexicon.key(w.word(p - 1));
      return before.equals("thank") || before.equals("good") || before.equals("many")
          || before.equals("happy") || before.equals("shout")
          || before.equals("big") || before.equals("huge") || before.equals("special");
    }

    private boolean rightContext(int first, int last) {
      int n = last + 1;
      if (w.possessive(last)) {
        if (n >= w.count || !w.spaceOnlyBefore(n)) {
          return false;
        }
        String owned = Lexicon.key(w.word(n));
        // An unknown word's possession is a person's unless it reads like a product's part.
        return PERSONAL_NOUNS.contains(owned)
            || (onlyUnknown(first, last) && !NOT_PERSON_AFTER.contains(owned));
      }
      // A chat line or an action item: "Sohini: merged", "Nakato — done: ...".
      if (w.lineStart(first) && n <= w.count && w.speakerMarkAfter(last)
          && (onlyUnknown(first, last) || startsWithGivenName(first))) {
        return true;
      }
      // Addressed: "X, can you ..." at the start of a sentence.
      if (w.sentenceStart(first) && n < w.count && w.gapBefore(n).trim().equals(",")
          && VOCATIVE_NEXT.contains(Lexicon.key(w.word(n)))) {
        return true;
      }
      // Addressed at the end: "Can you check, X?" / "See you at the offsite, X"
      if (first > 0 && w.gapBefore(first).trim().equals(",")
          && (w.endsWithAddressMark(last) || w.endsLineAfter(last))) {
        return true;
      }
      // A question's subject: "Did X ever send the slides?", "Has X seen it?"
      if (first > 0 && w.sentenceStart(first - 1) && w.spaceOnlyBefore(first)
          && QUESTION_AUX.contains(Lexicon.key(w.word(first - 1)))
          && (onlyUnknown(first, last) || startsWithGivenName(first))
          && n < w.count && w.spaceOnlyBefore(n)
          && Character.isLowerCase(w.text.charAt(w.start[n]))) {
        return true;
      }
      if (n >= w.count || !w.spaceOnlyBefore(n)) {
        return false;
      }
      String next = Lexicon.key(w.word(n));
      if (next.equals("me") && w.gapBefore(n).trim().equals(",")) {
        return true; // "for Dieter, me and the team"
      }
      if (next.equals("and") || next.equals("&") || next.equals("or")) {
        // "X and I", "X and me".
        return n + 1 < w.count && w.spaceOnlyBefore(n + 1)
            && (w.word(n + 1).equals("I") || Lexicon.key(w.word(n + 1)).equals("me"));
      }
      boolean speech = SPEECH_VERBS.contains(next);
      boolean action = ACTION_VERBS.contains(next)
          && (onlyUnknown(first, last) || startsWithGivenName(first));
      if (!speech && !action) {
        return actionItem(first, n);
      }
      if (isAuxiliary(next)) {
        if (n + 1 >= w.count || !w.spaceOnlyBefore(n + 1)) {
          return false;
        }
        // Any clause "X is/has ..." makes a person of a word that is no word, name or product;
        // a known word needs a person's predicate ("is out", "will review").
        String after = Lexicon.key(w.word(n + 1));
        return PERSON_AFTER_AUX.contains(after)
            || ((onlyUnknown(first, last) || (startsWithGivenName(first) && !NOT_AFTER_PERSON_AUX.contains(after)))
                && clauseStart(first)
                && Character.isLowerCase(w.text.charAt(w.start[n + 1])));
      }
      // The run must start its clause so that "fix in Grafana said..." can't pair an object
      // with the verb.
      return Character.isLowerCase(w.text.charAt(w.start[n])) && clauseStart(first);
    }

    /** "Ayaka to follow up": an action item's owner at the start of a line or sentence. */
    private boolean actionItem(int first, int n) {
      if (!clauseStart(first) || !Lexicon.key(w.word(n)).equals("to") || n + 1 >= w.count
          || !w.spaceOnlyBefore(n + 1)) {
        return false;
      }
      return ACTION_ITEM_VERBS.contains(w.word(n + 1));
    }

    /** Whether the run starts with a recorded given name ("Grace", "Hope", "Holly Green"). */
    private boolean startsWithGivenName(int first) {
      return (Lexicon.standard().flags(w.word(first)) & Lexicon.GIVEN) != 0;
    }

    private boolean onlyUnknown(int first, int last) {
      for (int k = first; k <= last; k++) {
        if (kind[k] != UNKNOWN && isNameWord(kind[k])) {
          return false;
        }
      }
      return true;
    }

    private boolean isAuxiliary(String word) {
      switch (word) {
        case "is":
        case "was":
        case "are":
        case "were":
        case "has":
        case "had":
        case "will":
        case "would":
        case "can":
        case "could":
        case "should":
        case "might":
        case "must":
        case "shall":
        case "did":
        case "does":
        case "didn't":
        case "doesn't":
        case "won't":
        case "can't":
        case "isn't":
        case "wasn't":
        case "hasn't":
        case "wouldn't":
        case "couldn't":
          return true;
        default:
          return false;
      }
    }

    /** Whether the run starts a sentence or a clause ("..., X said", "... and X said"). */
    private boolean clauseStart(int first) {
      if (w.sentenceStart(first)) {
        return true;
      }
      String gap = w.gapBefore(first);
      if (gap.indexOf(',') >= 0 || gap.indexOf('(') >= 0 || gap.indexOf('"') >= 0) {
        return true;
      }
      if (first > 0) {
        String prev = Lexicon.key(w.word(first - 1));
        return prev.equals("and") || prev.equals("but") || prev.equals("so")
            || prev.equals("because") || prev.equals("since") || prev.equals("then")
            || prev.equals("when") || prev.equals("while") || prev.equals("that")
            || prev.equals("as") || prev.equals("after") || prev.equals("before")
            || prev.equals("unless") || prev.equals("until") || prev.equals("if")
            || prev.equals("once") || prev.equals("yesterday") || prev.equals("today")
            || prev.equals("also") || prev.equals("or") || prev.equals("&")
            || prev.equals("where") || prev.equals("though") || prev.equals("although")
            || prev.equals("whereas") || prev.equals("otherwise") || prev.equals("apparently")
            || prev.equals("fyi") || prev.equals("btw") || prev.equals("ps") || prev.equals("and,")
            || prev.equals("maybe") || prev.equals("perhaps") || prev.equals("only")
            || prev.equals("probably") || prev.equals("surely") || prev.equals("hopefully")
            || prev.equals("honestly") || prev.equals("now") || prev.equals("still")
            || Character.isDigit(w.text.charAt(w.start[first - 1])); // "22:52 Kunal joined"
      }
      return false;
    }

    private boolean notPersonContext(int first, int last) {
      if (first > 0 && w.spaceOnlyBefore(first)
          && NOT_PERSON_BEFORE.contains(Lexicon.key(w.word(first - 1)))) {
        String prev = Lexicon.key(w.word(first - 1));
        // "in", "on", "from"... veto only a single weak or unknown word: "in Jordan".
        boolean preposition = prev.equals("in") || prev.equals("on") || prev.equals("into")
            || prev.equals("onto") || prev.equals("from") || prev.equals("at")
            || prev.equals("near") || prev.equals("via") || prev.equals("using")
            || prev.equals("use") || prev.equals("uses") || prev.equals("used");
        if (!preposition || (first == last && kind[first] != STRONG)) {
          return true;
        }
      }
      int n = last + 1;
      return n < w.count && !w.possessive(last) && w.spaceOnlyBefore(n)
          && NOT_PERSON_AFTER.contains(Lexicon.key(w.word(n)))
          && !(first < last && givenThenFamily(first, last) && hasStrong(first, last));
    }

    private boolean hasStrong(int first, int last) {
      for (int k = first; k <= last; k++) {
        if (kind[k] == STRONG) {
          return true;
        }
      }
      return false;
    }

    /** Whether two runs are items of one list: "A, B", "A and B", "A, and B", "A & B", "A or B". */
    private boolean listJoined(int lastOfLeft, int firstOfRight) {
      if (w.possessive(lastOfLeft) && firstOfRight != lastOfLeft + 1) {
        return false;
      }
      if (firstOfRight == lastOfLeft + 1) {
        String gap = w.gapBefore(firstOfRight).trim();
        return gap.equals(",") || gap.equals(";") || gap.equals("/") || gap.equals("&")
            || gap.equals("+");
      }
      if (firstOfRight == lastOfLeft + 2) {
        String mid = Lexicon.key(w.word(lastOfLeft + 1));
        String g1 = w.gapBefore(lastOfLeft + 1).trim();
        return (mid.equals("and") || mid.equals("or") || mid.equals("&") || mid.equals("und")
                || mid.equals("et") || mid.equals("y") || mid.equals("plus")
                || mid.equals("cc") || mid.equals("vs"))
            && (g1.isEmpty() || g1.equals(","))
            && w.gapBefore(firstOfRight).equals(" ");
      }
      return false;
    }
  }

  private static boolean isNameWord(byte kind) {
    return kind == STRONG || kind == WEAK || kind == UNKNOWN;
  }
}
