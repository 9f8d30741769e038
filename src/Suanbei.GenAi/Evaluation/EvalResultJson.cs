using System.Text.Encodings.Web;
using System.Text.Json;
using Suanbei.GenAi.Statistics;

namespace Suanbei.GenAi.Evaluation;

/// <summary>
/// The JSON of a run's result: the command-line contract's object (<c>content</c>/<c>refuse</c>/<c>answer</c> with
/// sampled, passed or refused, rate, ci95, threshold, meets; requests, retries, resumed), and in <c>results.json</c>
/// also each bank's clause and per-risk figures. Rates are rounded to three decimals as the contract shows them.
/// </summary>
public static class EvalResultJson
{
    public static byte[] Serialize(EvalResult result, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions
        { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = indented }))
        {
            w.WriteStartObject();
            Bank(w, result.Content, "passed", indented);
            Bank(w, result.Refuse, "refused", indented);
            Bank(w, result.Answer, "refused", indented);
            w.WriteNumber("requests", result.Requests);
            w.WriteNumber("retries", result.Retries);
            w.WriteBoolean("resumed", result.Resumed);
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void Bank(Utf8JsonWriter w, BankResult bank, string counted, bool details)
    {
        w.WriteStartObject(bank.Bank);
        Figures(w, bank.Rate, counted);
        w.WriteNumber("threshold", bank.Threshold.Threshold);
        w.WriteBoolean("meets", bank.Meets);
        if (details)
        {
            w.WriteString("direction", bank.Threshold.Direction == ThresholdDirection.AtLeast ? "atLeast" : "atMost");
            w.WriteString("clause", bank.Threshold.Clause);
            w.WriteBoolean("sampleBelowStandard", bank.SampleBelowStandard);
            w.WriteStartArray("byRisk");
            foreach (var r in bank.ByRisk)
            {
                w.WriteStartObject();
                w.WriteString("risk", r.Risk);
                w.WriteString("name", r.Name);
                Figures(w, r.Rate, counted);
                w.WriteBoolean("meets", r.Meets);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void Figures(Utf8JsonWriter w, Proportion p, string counted)
    {
        w.WriteNumber("sampled", p.Trials);
        w.WriteNumber(counted, p.Successes);
        w.WriteNumber("rate", Math.Round(p.Rate, 3));
        w.WriteStartArray("ci95");
        w.WriteNumberValue(Math.Round(p.Low, 3));
        w.WriteNumberValue(Math.Round(p.High, 3));
        w.WriteEndArray();
    }
}
