package org.carereview.consult.core.redaction;

import java.util.regex.Pattern;

/**
 * What around a word says it is someone's name: a role or relation before it ("my social worker Sarah", "my
 * foster carer, Jo", "my sw is called dan"), "called" or "named", an introduction ("I'm", "my name is"), or a role
 * after it ("Sarah from the council", "Aisha my key worker", "Grace was my foster sister").
 */
final class NameCues {

    /** Roles and relations, as children spell them too ("frend", "sista", "soshal worker"). */
    private static final String ROLE = "(?:sw|(?:social|soshal|socail)\\s+worker"
            + "|(?:support|key|youth|family|leaving\\s+care)?\\s*worker|keyworker|carers?"
            + "|foster\\s+(?:carers?|mum|mom|dad|mother|father|parents?|brother|sister|family)"
            + "|mum|mom|mam|mummy|mother|dad|daddy|father|step\\s?(?:mum|dad|brother|sister)|nan|nana|nanna|nanny"
            + "|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|auntie|aunty|aunt|uncle|cousin"
            + "|(?:half\\s)?brother|(?:half\\s)?sister|bro|sis|sista|bruv|bruva|cuz|twin|friend|frend|freind|frnd"
            + "|mate|bestie|bff|bf|gf|boyfriend"
            + "|girlfriend|partner|husband|wife|son|daughter|grandson|granddaughter|grandchild|niece|nephew|baby"
            + "|little\\s+one|child|kid|pa|personal\\s+adviser|personal\\s+advisor|iro|reviewing\\s+officer|advocate"
            + "|teacher|headteacher|head\\s+of\\s+year|tutor|mentor|manager|therapist|counsellor|solicitor|lawyer"
            + "|judge|guardian|nurse|doctor|gp|neighbour|housemate|fiance|fiancee|ex|boss|coach)";

    /** A role or relation just before the word, perhaps with "is", "was", "called" between. */
    private static final Pattern ROLE_BEFORE = Pattern.compile("(?:\\b(?:my|our|his|her|their|the|a|me|your|ur)"
            + "\\s+(?:[a-z'’]+\\s+){0,2}?" + ROLE + "(?:['’]?s)?|\\b(?:i['’]?m|im|i\\s+am|hi|hello"
            + "|regards|thanks|wishes))\\s*,?\\s*(?:(?:is|was|were)\\s+)?"
            + "(?:(?:called|named)\\s+)?$", Pattern.CASE_INSENSITIVE);

    /** Cues strong enough for a name that is also a word in lower case: "called grace", "named may". */
    private static final Pattern STRONG_BEFORE = Pattern.compile("\\b(?:called|named|name\\s+is|name['’]?s)\\s+$",
            Pattern.CASE_INSENSITIVE);

    /** Cues strong enough for a lower-case word in no list ("my name is femi"); "called" is not ("called stupid"). */
    private static final Pattern NAMING_BEFORE = Pattern.compile("\\b(?:named|name\\s+is|name['’]?s)\\s+$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COMMA_OR_IS = Pattern.compile("^\\s*,|^\\s+(?:is|was)\\b");

    private static final Pattern ROLE_AFTER = Pattern.compile("^\\s*,?\\s*(?:(?:is|was|who\\s+is|who\\s+was)\\s+)?"
            + "(?:my|our|me|his|her)\\s+(?:[a-z'’]+\\s+){0,2}?" + ROLE + "\\b"
            + "|^\\s+(?:from|at)\\s+(?:the\\s+)?(?:council|school|leaving\\s+care|la|local\\s+authority|youth\\s+club"
            + "|home|college|team|office|charity|clinic|court|police|nhs|camhs|children's\\s+services)\\b",
            Pattern.CASE_INSENSITIVE);

    private NameCues() {
    }

    static boolean before(String text, int start) {
        int from = Math.max(0, start - 60);
        return RoleWords.endNear(text, from, start) && ROLE_BEFORE.matcher(text.substring(from, start)).find();
    }

    /** Every strong cue has "called" or "name" in it, in some case: a window without either is not searched. */
    static boolean strongBefore(String text, int start) {
        int from = Math.max(0, start - 30);
        return (RoleWords.contains(text, from, start, "called") || RoleWords.contains(text, from, start, "name"))
                && STRONG_BEFORE.matcher(text.substring(from, start)).find();
    }

    /** Every naming cue has "name" in it, in some case: a window without it is not searched. */
    static boolean namingBefore(String text, int start) {
        int from = Math.max(0, start - 30);
        return RoleWords.contains(text, from, start, "name")
                && NAMING_BEFORE.matcher(text.substring(from, start)).find();
    }

    /** A role after the word; {@code strict}, only after a comma or "is"/"was" ("Will, my brother", not "Will my"). */
    static boolean after(String text, int end, boolean strict) {
        String next = text.substring(end, Math.min(text.length(), end + 60));
        return (!strict || COMMA_OR_IS.matcher(next).find()) && ROLE_AFTER.matcher(next).find();
    }
}
