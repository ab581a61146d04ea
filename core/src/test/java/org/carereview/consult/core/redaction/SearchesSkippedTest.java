package org.carereview.consult.core.redaction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each rule's search is skipped in a text without what every match of it has (most answers). The checks are cheap
 * and may let through a text the search then finds nothing in, but must never turn away one it would find in.
 */
class SearchesSkippedTest {

    private final Redactor redactor = new Redactor();

    @Test
    void aDateOfBirthIsLookedForWhereverACueOfAnySpellingIsNear() {
        for (String cue : List.of("born", "BORN", "Birthday", "birthdate", "birth date", "date of birth", "DOB", "dob",
                "D.O.B", "d.ob", "Do.B", "d.o.b.")) {
            assertTrue(BirthDates.mayHaveCue("my " + cue + " 12/05/2006"), cue);
            assertEquals(List.of(Kind.DATE_OF_BIRTH), kinds("my " + cue + " 12/05/2006"), cue);
        }
        assertFalse(BirthDates.mayHaveCue("The hearing was on 4 May 2023 and I moved on 12/09/2019."));
        assertEquals(List.of(Kind.DATE_OF_BIRTH), kinds("I was Born In 2007"));
    }

    @Test
    void aPostcodeIsLookedForWhereADigitStandsBeforeTwoLetters() {
        for (String postcode : List.of("SW1A 1AA", "m11ae", "GIR 0AA", "B33 8TH", "ls6 2qr")) {
            assertTrue(Contacts.hasInwardCode("near " + postcode), postcode);
            assertEquals(List.of(Kind.POSTCODE), kinds("near " + postcode + " now"), postcode);
        }
        assertFalse(Contacts.hasInwardCode("I had 14 placements in 3 years, 2 of them in 2019"));
        assertTrue(Contacts.hasInwardCode("she was 14yrs"), "a digit before letters lets the search run");
    }

    @Test
    void aSchoolOrHomeIsLookedForWhereItsTypeIsAWholeWordInAnyCase() {
        List<String> homes = List.of("home", "unit", "house", "lodge");
        assertTrue(Places.hasWord("riverside children's home", homes));
        assertTrue(Places.hasWord("willow lodge.", homes));
        assertTrue(Places.hasWord("unit", homes));
        assertFalse(Places.hasWord("our community did homework at the opportunity centre", homes));
        assertFalse(Places.hasWord("lodger's house2", homes));
        assertEquals(List.of(Kind.PLACEMENT), kinds("I lived at WILLOW LODGE until 18."));
        assertEquals(List.of(Kind.SCHOOL), kinds("i went to st josephs catholic high till year 9"));
    }

    @Test
    void aNameAfterNamingWordsIsFoundInAnyCaseAndNotWithoutThem() {
        assertEquals(List.of(Kind.NAME), kinds("my NAME IS femi"));
        assertEquals(List.of(Kind.NAME), kinds("she is called grace"));
        assertEquals(List.of(), kinds("they called stupid things"));
        assertEquals(List.of(), kinds("my Safeguarding plan"));
    }

    @Test
    void aNameAfterARoleOrGreetingIsFoundHoweverTheRoleIsWritten() {
        for (String cue : List.of("my sw", "my social worker", "my Support Worker", "my supportworker", "my keyworker",
                "my leaving care worker", "our foster carers", "my foster carer", "my stepdad", "my step mum",
                "my half sister", "my little one", "my personal advisor", "my reviewing officer", "my head of year",
                "my mum's", "my MUM’s", "my mums", "my bestie", "the judge", "me nan", "ur bro", "I'm", "i’m", "im",
                "I am", "hi", "x'hi", "Hello,", "best wishes,", "thanks", "kind regards")) {
            for (String between : List.of(" ", ", ", " is ", " was called ", " is named ")) {
                String text = cue + between + "Femi";
                assertTrue(RoleWords.endNear(text, 0, text.length() - 4), text);
                assertEquals(List.of(Kind.NAME), kinds(text), text);
            }
        }
        assertFalse(RoleWords.endNear("we went to the shops and then", 0, 29));
        assertFalse(RoleWords.endNear("the judge said it was all fine", 0, 30), "the role is four words back");
    }

    @Test
    void wordsAreFoundAsTheWordPatternFindsThem() {
        Pattern word = Pattern.compile("\\p{L}(?:[\\p{L}'’-]*\\p{L})?");
        for (String text : List.of("", "a", "mum's", "Jo-Anne's  O'Neil-", "'tis -- rock'n'roll''", "x-'-y z--",
                "2nd Zoë's café", "\uD835\uDC00bc \uD835\uDC00", "a\uD800b", "Ünal’s  naïve--", "ab1cd_ef")) {
            Matcher m = word.matcher(text);
            List<Integer> expected = new ArrayList<>();
            while (m.find()) {
                expected.add(m.start());
                expected.add(m.end());
            }
            int[] spans = Words.spans(text);
            assertEquals(expected, Arrays.stream(spans, 1, 2 * spans[0] + 1).boxed().toList(), text);
        }
    }

    private List<Kind> kinds(String text) {
        return redactor.redact(text).found().stream().map(Found::kind).toList();
    }
}
