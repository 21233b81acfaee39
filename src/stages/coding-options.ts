/**
 * Coding semantics that differ from dyad's defaults. dyad's own dictionaries
 * leave them all unset; the peers' validation suites (dyad validate) set the
 * PETRARCH or TABARI behaviour, and a run may change them between records, as
 * the suites' `<Config>` and `OPTION:` records do (the stages read the object
 * each time they run).
 */
export interface CodingOptions {
  /** an event needs a coded target, as PETRARCH's `require_dyad` (default: false) */
  requireTarget?: boolean;
  /** actor codes that mark their sentence as not to be coded (TABARI's `###` discard and `+++` complex codes) */
  discardCodes?: readonly string[];
  /**
   * what a compound `%` after the trigger means: `reciprocal` (default, as in
   * TABARI: the members act on each other) or `target` (PETRARCH: the
   * compound is the target of the subject, "agrees with A and B")
   */
  compoundAfterTrigger?: 'reciprocal' | 'target';
  /**
   * agent codes of several agent nouns: `one` (default: the last, or MIL) or
   * `all` (PETRARCH: every code, in order, each part the code does not carry
   * yet: "Danish Islamist media" DNK + MUS + MED)
   */
  agents?: 'one' | 'all';
  /** most words a pattern may skip between two of its elements (default 4) */
  patternGap?: number;
  /**
   * where the default target is looked for: `clause` (default: up to a
   * complementizer, relative pronoun or new clause) or `sentence` (the peers:
   * the first actor after the verb, "expressed hopes that Osgiliath ...")
   */
  targetSearch?: 'clause' | 'sentence';
  /**
   * with `targetSearch: 'sentence'`, the search still ends at a comma that
   * opens a new clause (", a senior Bree official said"): PETRARCH, whose
   * target is in the verb's phrase of its parse
   */
  commaClauseEndsTarget?: boolean;
  /** passive voice only with a `by` agent; without one the subject stays the source (the peers) */
  passiveNeedsAgent?: boolean;
  /** agents with no actor ("officials", `---GOV`) may be sources and targets (PETRARCH) */
  anonymousAgents?: boolean;
  /** a possessor stands for its noun phrase when the noun is no actor: "Ithilen's militia vowed" (the peers) */
  possessorActs?: boolean;
  /**
   * how many verbs code: `all` (default), one per `clause` (after a verb
   * codes, the rest of its clause codes nothing: TABARI's CODE BY CLAUSE, and
   * PETRARCH) or one per `sentence` (TABARI's CODE BY SENTENCE)
   */
  eventsPer?: 'all' | 'clause' | 'sentence';
  /** words such as "senior", "deputy", "first" may stand between a country and its agent noun (default true; TABARI false) */
  fillers?: boolean;
  /**
   * TABARI's test for words that may be verbs, with no parse: a word after an
   * article (a, an, the) or capitalised inside the sentence is a noun
   * ("about the restore", "about To Restore")
   */
  articleNouns?: boolean;
  /**
   * a noun trigger is coded like a verb: it may fire by its entry's default
   * code, and its source is the subject before it (TABARI, which has no parts
   * of speech); by default a noun codes only through a pattern, its source
   * its possessor or modifier ("Russia's invasion")
   */
  nounDefaults?: boolean;
  /**
   * "the ambassadors of A, B and C": the agent goes to every actor of the list
   * (default, and PETRARCH) or to the first only (`first`, TABARI)
   */
  agentOverList?: 'all' | 'first';
  /**
   * an agent right before an actor's name belongs to it ("Prime Minister
   * Romendacil", "MSF Arnor"); default true; false (TABARI) only after a
   * country ("Bree Prime Minister Romendacil") or when the agent's code is
   * written before the actor's ("human rights activists Gondor": NGM~, NGMGON)
   */
  agentBeforeName?: boolean;
  /**
   * a pattern's `+` or `$` after a gap may be the next actor in reach, past
   * prepositions and verbs (the peers' patterns: "+ * MONEY $" in "received
   * money from Osgiliath"); dyad's own patterns name the preposition
   */
  openSlots?: boolean;
  /**
   * TABARI's complexity filter: a sentence with this many trigger words or
   * more (`verbs`), this many conjunctions or more that join no actors
   * (`conjunctions`), or (`noActorPrior`) whose first coded verb has no actor
   * before it, is "complex" and codes nothing
   */
  complexity?: { verbs?: number; conjunctions?: number; noActorPrior?: boolean };
  /**
   * a name whose code is empty on the date (the peers' `[---]`, "Boromir"):
   * `actor` (default) it still fills its place, `nouns` it is a plain noun and
   * the target search goes on past it (TABARI: "ties with Boromir in Gondor")
   */
  nullCodedNames?: 'actor' | 'nouns';
  /**
   * a sentence's subject noun phrase with no actor of its own stands for the
   * actors of its prepositional phrases: "Resumption of ties between Arnor and
   * Gondor may spur…" (PETRARCH, whose noun phrases take the actors of the
   * phrases inside them)
   */
  subjectInComplements?: boolean;
  /** a pattern's `^` may pass over any noun phrase, not only an actor (PETRARCH, which skips noun phrases of its parse) */
  skipNounPhrases?: boolean;
  /** an agent noun modifying another noun still codes ("the official news agency": ---GOV), as PETRARCH's noun phrases do */
  agentModifiers?: boolean;
  /**
   * with `requireTarget` off, an event without a coded target needs some
   * noun after its verb in the clause (PETRARCH codes "said on Saturday" with
   * the null target `---`, not "said today")
   */
  untargetedNeedsObject?: boolean;
  /**
   * no actor before the verb: the first actor after it is the source and the
   * next one the target (TABARI, whose `COMPLEX: NOACTPRIOR` otherwise leaves
   * such sentences uncoded)
   */
  sourceAfterVerb?: boolean;
  /**
   * how the source of a verb is found when its pattern names none: `subject`
   * (default: the nearest subject before it, past objects of prepositions and
   * possessors) or `first` (TABARI: the first actor of the clause, a clause
   * beginning at a conjunction followed by a new subject; with no actor after
   * the verb, the target is the next actor after the source)
   */
  sourceSearch?: 'subject' | 'first';
  /** no word of an actor or agent phrase is a trigger, however short the phrase (TABARI: "Security forces" is an agent, not FORCE) */
  actorWordsNoTriggers?: boolean;
  /**
   * what a personal pronoun refers to: `persons` (default: he and she the
   * latest person, it a state or organisation, they a group; coref/) or
   * `first-actor` (TABARI, whose actors have no gender or kind: the first
   * actor of its sentence before it, "Galadriel urged Bree … and then she
   * asked Gondor", "Elrond urged Bree … and Gondor asked him")
   */
  pronouns?: 'persons' | 'first-actor';
  /**
   * an actor code for a personal pronoun that comes before every actor of
   * its sentence ("He has also asked Gondor…"): the actor the story's
   * previous sentence was about (TABARI's FORWARD; actors/forwarded.ts)
   */
  forwardedSubject?: string;
  /**
   * the source code of events whose source is not found (TABARI's `DEFAULT:
   * SOURCE [code]`); with `noActorBefore`, also whenever no actor stands
   * before the verb (`PRIOR`). The implied actor has an empty span at the trigger.
   */
  defaultSource?: { code: string; noActorBefore?: boolean };
  /**
   * TABARI's FORMER conversion: an agent phrase with "former" before it or
   * before its actor ("former security officials", "Arnor former officials",
   * "former Gondor prosecutors") has this agent code instead of its own (TABARI:
   * `ELI`, the elite): people once in office are not the office
   */
  formerAgent?: string;
  /**
   * a noun phrase that holds no dictionary actor and has at most this many
   * words is an actor, coded with its words in capitals between quotes
   * ("THE MINISTRY OF MAGIC"): PETRARCH's `new_actor_length` (actors/new-actors.ts); 0 or unset: off
   */
  newActorLength?: number;
  /** the target code of events whose target is not found (TABARI's `DEFAULT: TARGET [code]`) */
  defaultTarget?: { code: string };
}
