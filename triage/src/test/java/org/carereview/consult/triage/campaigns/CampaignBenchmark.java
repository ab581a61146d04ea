package org.carereview.consult.triage.campaigns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaign grouping at scale (bench/campaigns/run.sh): N made-up submissions with 20 planted campaigns (50 to 2,000
 * edited copies each); prints the precision and recall of campaign membership, the time to group all N from
 * nothing. It runs in the node's 256 MB heap (bench/campaigns/run.sh), the made-up texts held beside the index.
 */
public final class CampaignBenchmark {

    private CampaignBenchmark() {
    }

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        PlantedCampaigns planted = new PlantedCampaigns(2026);
        List<PlantedCampaigns.Text> texts = planted.make(total, 20);
        long copies = texts.stream().filter(t -> t.campaign() >= 0).count();
        System.out.printf("%,d submissions, %,d of them copies of 20 campaigns%n", texts.size(), copies);

        long start = System.nanoTime();
        CampaignIndex<Integer> index = new CampaignIndex<>();
        for (int i = 0; i < texts.size(); i++) {
            index.add(i, texts.get(i).text());
        }
        List<List<Integer>> groups = index.groups(2);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("grouping all %,d from nothing: %.1f s%n", texts.size(), seconds);

        long truePositives = 0;
        long falsePositives = 0;
        for (List<Integer> group : groups) {
            Map<Integer, Integer> byCampaign = new HashMap<>();
            group.forEach(i -> byCampaign.merge(texts.get(i).campaign(), 1, Integer::sum));
            int campaign = byCampaign.entrySet().stream().filter(e -> e.getKey() >= 0)
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1);
            int members = campaign < 0 ? 0 : byCampaign.get(campaign);
            truePositives += members;
            falsePositives += group.size() - members;
        }
        System.out.printf("campaign membership: precision %.4f, recall %.4f (%,d of %,d copies found, %,d texts "
                        + "wrongly grouped)%n", truePositives / (double) Math.max(1, truePositives + falsePositives),
                truePositives / (double) copies, truePositives, copies, falsePositives);
    }
}
