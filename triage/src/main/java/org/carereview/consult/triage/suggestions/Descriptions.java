package org.carereview.consult.triage.suggestions;

import org.carereview.consult.core.submission.Dilemma;
import org.carereview.consult.core.submission.Theme;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What each code of the frame is about, in a few plain sentences each, as staff would explain it. Each sentence is
 * encoded on its own and an answer is compared with the closest one, so a sentence should say one thing. These
 * were written from the review's terms of reference and may be tuned on the labelled set's train split only.
 */
final class Descriptions {

    static final Map<Theme, List<String>> THEMES = new EnumMap<>(Map.of(
            Theme.SUPPORT, List.of(
                    "What help children and families need when they are referred to social care.",
                    "Early help, family support, therapy and mental health services for children.",
                    "Someone to talk to, a trusted adult, help at school, young carers and disabled children.",
                    "Help that comes too late, waiting lists and thresholds that are too high."),
            Theme.STRENGTHENING_FAMILIES, List.of(
                    "Helping children stay safely with their parents and wider family instead of going into care.",
                    "Balancing child protection with the right to family life.",
                    "Working with mothers, fathers, grandparents and relatives, kinship care and family group conferences.",
                    "Children being removed from their families, care proceedings and going back home."),
            Theme.SAFETY, List.of(
                    "Children who need to leave home get into care quickly and are safe once they are there.",
                    "Delay in acting on harm, emergency placements and moving children in the middle of the night.",
                    "Unsafe placements, unregulated accommodation, children's homes far away, going missing and exploitation.",
                    "Investigating abuse and neglect and deciding when a child must be removed."),
            Theme.CARE, List.of(
                    "A positive, stable experience of being in care and growing up in foster care or a children's home.",
                    "Long-term homes: adoption, special guardianship and long-term fostering.",
                    "Too many moves, keeping brothers and sisters together, relationships with carers that last.",
                    "Leaving care at eighteen, care leavers, and going back home safely."),
            Theme.DELIVERY, List.of(
                    "The social work workforce: recruitment, caseloads, training, supervision and staff leaving.",
                    "Agency social workers, turnover of workers and managers, and leadership of children's services.",
                    "Partnership between councils, schools, police and health, and sharing information between them.",
                    "What makes change possible to deliver: practice models, IT systems and good management."),
            Theme.SUSTAINABILITY, List.of(
                    "Money: the cost of children's services, budgets, funding and what gives value for money.",
                    "The price of placements, profits made by private providers of children's homes and fostering.",
                    "Spending on crisis instead of prevention, and investing early to save money later.",
                    "Short-term grants, council overspends and how services are paid for in the long run."),
            Theme.ACCOUNTABILITY, List.of(
                    "Oversight of how the state and local councils carry out their duties to children.",
                    "Inspection by Ofsted, independent reviewing officers, complaints and advocacy.",
                    "Who answers when things go wrong, and the rights of children and families to challenge decisions.",
                    "Corporate parenting, councillors' scrutiny, publishing data and learning from reviews.")));

    static final Map<Dilemma, List<String>> DILEMMAS = new EnumMap<>(Map.of(
            Dilemma.HELP_AND_PROTECTION, List.of(
                    "Should the same social worker both help a family and investigate whether the child is safe?",
                    "Separating family help from child protection investigations, or keeping them together.",
                    "Parents will not be honest with a worker who can also take their children away."),
            Dilemma.LOCAL_REGIONAL_NATIONAL, List.of(
                    "Which parts of the system should be run locally, regionally or nationally?",
                    "Councils working together across a region, or national government setting one rule for everyone.",
                    "The same entitlements everywhere instead of a postcode lottery, or local decisions by local councils."),
            Dilemma.FREEDOM_AND_RESPONSIBILITY, List.of(
                    "Less prescription and fewer rules, versus the risk of removing safeguards.",
                    "Trusting professional judgement and giving local areas freedom, but someone must still check.",
                    "Cutting statutory guidance and procedures without leaving children unprotected.")));

    private Descriptions() {
    }
}
