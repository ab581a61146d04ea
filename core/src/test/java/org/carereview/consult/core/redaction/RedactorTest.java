package org.carereview.consult.core.redaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the rules take out of an answer, and what they leave for the review to read. */
class RedactorTest {

    private final Redactor redactor = new Redactor();

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    private void keeps(String text) {
        assertEquals(text, redact(text), "nothing should be redacted in: " + text);
    }

    @Test
    void replacesEachDetailWithItsPlaceholderAndSaysWhereItWas() {
        Redaction r = redactor.redact("my sw sarah rang me on 07700 900123");
        assertEquals("my sw [name] rang me on [phone]", r.text());
        assertEquals(List.of(new Found(Kind.NAME, 6, 11), new Found(Kind.PHONE, 23, 35)), r.found());
    }

    @Test
    void redactsAMobileNumberWrittenWithSpaces() {
        for (String phone : List.of("07700 900123", "07700900123", "077009 00123", "0770 090 0123", "07700-900-123",
                "07700.900.123", "07700 900 123", "+44 7700 900123", "+447700900123", "+44 (0)7700 900123")) {
            assertEquals("call me on [phone] tonight", redact("call me on " + phone + " tonight"), phone);
        }
    }

    @Test
    void redactsLandlinesInEveryUsualLayout() {
        for (String phone : List.of("(020) 7946 0000", "020 7946 0000", "020-7946-0000", "0161 496 0000",
                "0161.496.0000", "0113 4960 123", "01632 960000", "01632 960 000", "+44 20 7946 0321")) {
            assertEquals("ring [phone] please", redact("ring " + phone + " please"), phone);
        }
    }

    /** A line break or a tab around "at" used to end the request in an error, losing the answer. */
    @Test
    void redactsASpelledOutEmailBrokenOverTwoLines() {
        assertEquals("my email is [email]\nthanks", redact("my email is sam\nat example dot com\nthanks"));
        assertEquals("[email]", redact("chris dot moore\tat example dot net"));
        keeps("i was\nat home dot com");
    }

    /** Each kind is looked for only in a text with what all its matches have (an "@", ten digits, a digit, "at"). */
    @Test
    void findsDetailsWithTheLeastEachKindNeeds() {
        assertEquals("ring [phone]", redact("ring 01632 96000"));
        assertEquals("[email] ok", redact("x@example.org ok"));
        assertEquals("mine is [email]", redact("mine is SAM\tAT\texample DOT com"));
        assertEquals("near [postcode]", redact("near LS1 4AB"));
        assertEquals("near [postcode]", redact("near GIR 0AA"));
        assertEquals("born [date of birth]", redact("born 1 may"));
        keeps("ring 0163 296 00 (nine digits)");
        keeps("write to box@ nowhere");
    }

    @Test
    void leavesServiceNumbersReferencesMoneyAndYears() {
        keeps("Childline on 0800 1111 helped when I called 999.");
        keeps("The reference CFA-7K2M9Q was on the letter and the case number was 2024/00123.");
        keeps("I pay £1,200 a month and I went into care in 2015 aged 7, from 0 to 18.");
    }

    @Test
    void redactsEmailsIncludingOnesSpelledOut() {
        assertEquals("email me at [email] thanks", redact("email me at sam.jones@example.org thanks"));
        assertEquals("my email is [email] if u want", redact("my email is sam at example dot com if u want"));
        assertEquals("email [email]", redact("email chris dot moore at example dot net"));
        keeps("i was at home dot com is not an email and neither is meet me at 5");
    }

    @Test
    void redactsPostcodesInAnyCaseWithOrWithoutASpace() {
        for (String postcode : List.of("SW1A 1AA", "sw1a 1aa", "SW1A1AA", "M1 1AE", "m11ae", "B33 8TH", "LS6 2QR",
                "EC1A 1BB", "W1A 0AX", "DN55 1PT", "CR2 6XH")) {
            assertEquals("i live in [postcode] now", redact("i live in " + postcode + " now"), postcode);
        }
    }

    @Test
    void leavesRoadsAndYearGroupsThatLookLikePostcodes() {
        keeps("The M62 was closed and I was put in a B&B on the A1 in year 11.");
    }

    @Test
    void redactsANameAfterARoleEvenInLowerCase() {
        assertEquals("my frend [name] sed so", redact("my frend Ruby sed so"));
        assertEquals("my sw called [name] said she would ring", redact("my sw called sarah said she would ring"));
        assertEquals("my social worker [name] came twice", redact("my social worker Sarah came twice"));
        assertEquals("my foster carer, [name], is kind", redact("my foster carer, Jo, is kind"));
        assertEquals("a boy called [name] was mean", redact("a boy called Liam was mean"));
        assertEquals("[name] from the council never came", redact("Sarah from the council never came"));
    }

    @Test
    void redactsATitleWithTheSurnameAndAFullName() {
        assertEquals("[name] was my teacher", redact("Mrs Khan was my teacher"));
        assertEquals("i got a text from [name] today", redact("i got a text from miss johnson today"));
        assertEquals("My name is [name] and I am 19.", redact("My name is Jordan Whitfield and I am 19."));
    }

    @Test
    void keepsNamesThatAreOrdinaryWordsWithoutACue() {
        keeps("Hope is what kept me going.");
        keeps("I will be 16 in May.");
        keeps("Mark my words, nothing will change.");
        keeps("The gas bill was £300 and there is no joy in that.");
        keeps("Summer holidays were hard and Sunny days were rare.");
        keeps("Grace and kindness are what children need.");
    }

    @Test
    void redactsNamesThatAreOrdinaryWordsWhenACueSaysSo() {
        assertEquals("my foster dad [name] taught me to ride", redact("my foster dad Will taught me to ride"));
        assertEquals("[name] my foster carer taught me to cook", redact("Joy my foster carer taught me to cook"));
        assertEquals("a girl named [name] was my friend", redact("a girl named Rose was my friend"));
        assertEquals("my carers [name] and [name] adopted me", redact("my carers Sue and Pete adopted me"));
    }

    @Test
    void keepsWordsAfterARoleThatAreNotNames() {
        keeps("my sw will ring me and my sister may come, my foster carers will send me back");
        keeps("everyday i get called stupid and im OT working for someone");
        keeps("Will my little brother be alright? Please read the national Child Safeguarding Practice Review.");
        keeps("Can school give out breakfast n school trips too?");
    }

    @Test
    void keepsPlaceNamesTheReviewNeeds() {
        keeps("The care home was in Leeds and then I was moved to Manchester.");
        keeps("I was placed in Lincoln, 80 miles from my family in Devon.");
        keeps("We are kinship carers in Bradford, and our local authority is Lancashire.");
    }

    @Test
    void keepsRolesInstitutionsDaysAndMonths() {
        keeps("My social worker and my foster carer came to the meeting with the council.");
        keeps("Ofsted rated the home outstanding. God knows why.");
        keeps("On Monday in March my IRO said my PA would ring on Friday.");
    }

    @Test
    void redactsADateOnlyWhenItIsADateOfBirth() {
        assertEquals("I was born on [date of birth] in Hull", redact("I was born on 3 March 2009 in Hull"));
        assertEquals("DOB: [date of birth]", redact("DOB: 12/05/2006"));
        assertEquals("my birthday is [date of birth] and no one came",
                redact("my birthday is the 4th of june and no one came"));
        assertEquals("d.o.b [date of birth]", redact("d.o.b 1.1.2010"));
        keeps("The hearing was on 4 May 2023 and I moved on 12/09/2019.");
    }

    @Test
    void redactsHouseNumberAddressesButNotATownAlone() {
        assertEquals("I live at [address], [postcode] with my aunt",
                redact("I live at 12 Acacia Avenue, SW1A 1AA with my aunt"));
        assertEquals("we live at [address], [postcode]", redact("we live at flat 3, 45 High St, NE1 4ST"));
        assertEquals("Write to [address], Hull.", redact("Write to 15 The Crescent, Hull."));
        keeps("I had 14 placements and lived in Hull for 3 years.");
    }

    @Test
    void redactsSchoolAndPlacementNames() {
        assertEquals("I went to [school] and then [school].",
                redact("I went to St Mary's Primary and then Oakwood Academy."));
        assertEquals("i went to [school] till year 9", redact("i went to st josephs catholic high till year 9"));
        assertEquals("i was in [placement] for 3 years", redact("i was in Riverside children's home for 3 years"));
        assertEquals("[placement] had 4 kids", redact("Hillside residential unit had 4 kids"));
        assertEquals("I lived at [placement] until 18.", redact("I lived at Willow Lodge until 18."));
    }

    @Test
    void keepsSchoolsAndHomesThatAreNotNamed() {
        keeps("I was moved to a children's home in Leicester and my old school was miles away.");
        keeps("i went to a secondary school and then sixth form college, the virtual school helped a bit");
        keeps("the kids home had no wifi and the care home staff kept leaving");
    }

    @Test
    void leavesEmptyTextAlone() {
        assertEquals(new Redaction("", List.of()), redactor.redact(""));
        assertEquals(new Redaction("", List.of()), redactor.redact(null));
    }
}
