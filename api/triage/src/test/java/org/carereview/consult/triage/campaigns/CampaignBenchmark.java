package org.carereview.consult.triage.campaigns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaign grouping at scale (bench/campaigns/run.sh): N made-up submissions with 20 planted campaigns (50 to 2,000
 * edited copies each); prints the precision and recall of campaign membership, the time to group all N from
 * nothing, and how long one new submission takes to join its group (p50, p95, max over 1,000).
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
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("grouping all %,d from nothing: %.1f s%n", texts.size(), seconds);

        long truePositives = 0;
        long falsePositives = 0;
        for (List<Integer> group : index.groups(2)) {
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

        List<Double> joins = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String text = i % 2 == 0 ? planted.edited(texts.get(i).text()) : planted.prose(20 + i % 100);
            long t = System.nanoTime();
            index.add(texts.size() + i, text);
            joins.add((System.nanoTime() - t) / 1e6);
        }
        joins.sort(Double::compare);
        System.out.printf("a new submission joins its group: p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                joins.get(500), joins.get(950), joins.get(999));
    }
}
