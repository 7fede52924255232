namespace Warta.Evaluation.Linking;

/// <summary>Pairwise and BCubed precision, recall and F1 of a clustering against gold labels.</summary>
public sealed record ClusteringScore(
    int Items,
    int PredictedClusters,
    int GoldClusters,
    double PairPrecision,
    double PairRecall,
    double PairF1,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1)
{
    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>, item by item (same length and order).</summary>
    public static ClusteringScore Of<TPredicted, TGold>(IReadOnlyList<TPredicted> predicted, IReadOnlyList<TGold> gold)
        where TPredicted : notnull
        where TGold : notnull
    {
        if (predicted.Count != gold.Count)
        {
            throw new ArgumentException("predicted and gold labels must have the same length", nameof(gold));
        }

        var cells = new Dictionary<(TPredicted, TGold), long>();
        var predictedSizes = new Dictionary<TPredicted, long>();
        var goldSizes = new Dictionary<TGold, long>();
        for (var i = 0; i < predicted.Count; i++)
        {
            cells[(predicted[i], gold[i])] = cells.GetValueOrDefault((predicted[i], gold[i])) + 1;
            predictedSizes[predicted[i]] = predictedSizes.GetValueOrDefault(predicted[i]) + 1;
            goldSizes[gold[i]] = goldSizes.GetValueOrDefault(gold[i]) + 1;
        }

        static double Pairs(long n) => n * (n - 1) / 2.0;
        var together = cells.Values.Sum(Pairs);
        var predictedPairs = predictedSizes.Values.Sum(Pairs);
        var goldPairs = goldSizes.Values.Sum(Pairs);
        var precision = predictedPairs == 0 ? 1 : together / predictedPairs;
        var recall = goldPairs == 0 ? 1 : together / goldPairs;

        // BCubed: for each item, the share of its predicted cluster with its gold label, and vice versa.
        double bPrecision = 0, bRecall = 0;
        foreach (var ((p, g), n) in cells)
        {
            bPrecision += n * ((double)n / predictedSizes[p]);
            bRecall += n * ((double)n / goldSizes[g]);
        }

        var count = Math.Max(predicted.Count, 1);
        bPrecision /= count;
        bRecall /= count;
        return new ClusteringScore(
            predicted.Count, predictedSizes.Count, goldSizes.Count,
            precision, recall, F1(precision, recall),
            bPrecision, bRecall, F1(bPrecision, bRecall));
    }

    internal static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
