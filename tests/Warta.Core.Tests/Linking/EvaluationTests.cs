using Warta.Evaluation.Linking;
using Warta.Linking;

namespace Warta.Tests.Linking;

public class EvaluationTests
{
    [Fact]
    public void Pairwise_and_bcubed_scores_match_a_hand_computed_example()
    {
        // Gold {1,2,3} {4,5}; predicted {1,2} {3,4,5}.
        int[] predicted = [1, 1, 2, 2, 2];
        string[] gold = ["a", "a", "a", "b", "b"];

        var score = ClusteringScore.Of(predicted, gold);

        // Predicted pairs: (1,2) (3,4) (3,5) (4,5); gold pairs: (1,2) (1,3) (2,3) (4,5); shared: (1,2) (4,5).
        Assert.Equal(0.5, score.PairPrecision, 6);
        Assert.Equal(0.5, score.PairRecall, 6);

        // BCubed precision: items 1,2 → 1; item 3 → 1/3; items 4,5 → 2/3. Mean = (1+1+1/3+2/3+2/3)/5.
        Assert.Equal((1 + 1 + (1.0 / 3) + (2.0 / 3) + (2.0 / 3)) / 5, score.BCubedPrecision, 6);
        Assert.Equal(2, score.PredictedClusters);
        Assert.Equal(2, score.GoldClusters);
    }

    [Fact]
    public void The_similarity_join_finds_exactly_the_pairs_brute_force_finds()
    {
        var random = new Random(9);
        var vocabulary = Enumerable.Range(0, 400).Select(i => "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var fingerprints = new Dictionary<long, Fingerprint>();
        for (var i = 0; i < 60; i++)
        {
            var baseWords = Enumerable.Range(0, 120).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
            fingerprints[i * 2] = Fingerprint.Of(string.Join(' ', baseWords));
            var edited = baseWords.Select(w => random.NextDouble() < 0.03 * (i % 4) ? vocabulary[random.Next(vocabulary.Length)] : w);
            fingerprints[(i * 2) + 1] = Fingerprint.Of(string.Join(' ', edited));
        }

        var brute = new HashSet<(long, long)>();
        foreach (var a in fingerprints.Keys)
        {
            foreach (var b in fingerprints.Keys.Where(b => b > a))
            {
                if (Fingerprint.Jaccard(fingerprints[a], fingerprints[b]) >= 0.8)
                {
                    brute.Add((a, b));
                }
            }
        }

        Assert.NotEmpty(brute);
        Assert.Equal(brute.Order(), DedupEvaluation.SimilarityJoin(fingerprints, 0.8).Order());
    }

    [Fact]
    public void Wikiref_labels_drop_the_trailing_number()
    {
        Assert.Equal("malaysia.airlines.flight", LabelledHeadlines.WikiRefLabel("malaysia.airlines.flight.13"));
        Assert.Equal("ParisAttacks2015", LabelledHeadlines.WikiRefLabel("ParisAttacks2015 (7)"));
        Assert.Equal("Samsung.Galaxy.S5", LabelledHeadlines.WikiRefLabel("Samsung.Galaxy.S5"));
    }

    [Fact]
    public void Csv_fields_keep_quoted_commas_and_doubled_quotes()
    {
        Assert.Equal(["1", "Fed says \"weak\", not slow", "x"], LabelledHeadlines.SplitCsv("1,\"Fed says \"\"weak\"\", not slow\",x"));
    }
}
