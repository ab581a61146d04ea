package org.carereview.consult.triage.campaigns;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignIndexTest {

    private final PlantedCampaigns planted = new PlantedCampaigns(7);

    @Test
    void editedCopiesOfATemplateFormOneGroupAndOneOffTextsStayAlone() {
        String template = planted.prose(90);
        CampaignIndex<String> index = new CampaignIndex<>();
        for (int i = 0; i < 40; i++) {
            index.add("copy-" + i, planted.edited(template));
        }
        for (int i = 0; i < 300; i++) {
            index.add("own-" + i, planted.prose(20 + i % 100));
        }

        List<List<String>> groups = index.groups(2);
        assertEquals(1, groups.size(), "one campaign: " + groups.stream().map(List::size).toList());
        assertEquals(40, groups.get(0).size());
        assertTrue(groups.get(0).stream().allMatch(k -> k.startsWith("copy-")));
    }

    @Test
    void caseAccentsAndPunctuationDoNotMakeADifferentText() {
        long[] a = Shingles.of("Children need STABLE homes, and a café worker who listens!");
        long[] b = Shingles.of("children need stable homes and a cafe worker who listens");
        assertTrue(java.util.Arrays.equals(a, b));
    }

    @Test
    void theSignatureEstimatesHowMuchTwoTextsShare() {
        String text = planted.prose(100);
        assertEquals(1.0, MinHash.similarity(MinHash.signature(Shingles.of(text)), MinHash.signature(Shingles.of(text))));
        double unrelated = MinHash.similarity(MinHash.signature(Shingles.of(text)),
                MinHash.signature(Shingles.of(planted.prose(100))));
        assertTrue(unrelated < CampaignIndex.THRESHOLD, "unrelated texts: " + unrelated);
    }

    @Test
    void shortAnswersThatManyPeopleGiveAreNotACampaign() {
        CampaignIndex<Integer> index = new CampaignIndex<>();
        for (int i = 0; i < 20; i++) {
            index.add(i, "I agree with all of this.");
        }
        assertTrue(index.groups(2).isEmpty());
    }

    @Test
    void theNewestCopyJoinsItsCampaign() {
        String template = planted.prose(80);
        CampaignIndex<Integer> index = new CampaignIndex<>();
        for (int i = 0; i <= 10; i++) {
            index.add(i, planted.edited(template));
        }
        assertEquals(List.of(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)), index.groups(2));
    }

    @Test
    void copiesFarApartInTimeStillJoinAcrossOtherTexts() {
        String template = planted.prose(80);
        CampaignIndex<String> index = new CampaignIndex<>();
        index.add("first copy", planted.edited(template));
        for (int i = 0; i < 2_000; i++) {
            index.add("own-" + i, planted.prose(20 + i % 100));
        }
        index.add("last copy", planted.edited(template));
        assertEquals(List.of(List.of("first copy", "last copy")), index.groups(2));
    }
}
