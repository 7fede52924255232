namespace Warta.Train;

internal static class NerTraining
{
    public static int Train(string output, string[] inputs) => 1;

    public static int Evaluate(string model, string[] inputs) => 1;
}
