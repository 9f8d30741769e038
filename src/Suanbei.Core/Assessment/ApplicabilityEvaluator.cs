using Suanbei.Core.Calendar;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Assessment;

/// <summary>
/// Turns questionnaire answers into a filing plan. The decisions — when a rule applies — are here; the
/// conclusions, articles, labeling duties and materials come from <see cref="ApplicabilityRules"/>.
/// </summary>
public static class ApplicabilityEvaluator
{
    /// <summary>One independent algorithm found in the answers: a name and one of the five types.</summary>
    private sealed class Algorithm(string name, AlgorithmType type)
    {
        public string Name { get; set; } = name;
        public AlgorithmType Type { get; } = type;
        public List<string> Functions { get; } = [];
        public SortedSet<ContentType> Content { get; } = [];
        public bool EditsBiometrics { get; set; }
        public bool SensitiveScenes { get; set; }
    }

    public static AssessmentPlan Evaluate(ServiceAnswers answers, ApplicabilityRules? rules = null, WorkingCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Validate() is { } error) throw new ArgumentException(error, nameof(answers));
        rules ??= ApplicabilityRules.Current;
        calendar ??= WorkingCalendar.Official;

        var algorithms = FindAlgorithms(answers);
        var reasons = new List<Citation>();
        var filings = new List<PlannedFiling>();
        var assessments = new List<Citation>();

        var publicService = answers.Audience == Audience.Public && answers.OffersToEndUsers;
        var hasGeneration = algorithms.Any(a => a.Type == AlgorithmType.GenerationSynthesis);
        var publicOpinion = publicService && (hasGeneration || answers.PublicInformationOrExpression);

        if (algorithms.Count == 0)
            reasons.Add(rules.Rule("scope.no-listed-algorithm"));
        else if (answers.Audience == Audience.Internal && !answers.ProvidesApiToBusinesses)
            reasons.Add(rules.Rule("scope.internal-only"));
        else
        {
            if (answers.OffersToEndUsers && publicOpinion)
                foreach (var algorithm in algorithms)
                {
                    var scope =
                        rules.Rule(algorithm.Type == AlgorithmType.GenerationSynthesis ? "scope.public-generative"
                        : "scope.public-opinion");
                    filings.Add(Filing(algorithm, FilingRole.ServiceProvider, [scope, rules.Rule("role.provider")], publicOpinion, rules));
                }
            if (answers.ProvidesApiToBusinesses)
            {
                foreach (var algorithm in algorithms.Where(a => a.Type == AlgorithmType.GenerationSynthesis))
                    filings.Add(Filing(algorithm, FilingRole.TechnicalSupporter, [rules.Rule("role.supporter")], false, rules));
                if (algorithms.Any(a => a.Type != AlgorithmType.GenerationSynthesis))
                    reasons.Add(rules.Rule("role.supporter-not-required"));
            }
            if (filings.Count == 0 && !reasons.Any(r => r.RuleId == "role.supporter-not-required"))
                reasons.Add(rules.Rule("scope.no-public-opinion"));
        }

        var filingRequired = filings.Count > 0;
        foreach (var basis in filings.SelectMany(f => f.Basis)) AddOnce(reasons, basis);
        var roles = filings.Select(f => f.Role).Distinct().Order().ToList();
        var dual = roles.Count == 2;
        if (dual) reasons.Add(rules.Rule("role.dual"));
        if (filingRequired) reasons.Add(rules.Rule("filing.one-per-algorithm"));

        var largeModel = LargeModel(answers, publicService, rules);

        var providerFilings = filings.Where(f => f.Role == FilingRole.ServiceProvider).ToList();
        if (publicOpinion && providerFilings.Count > 0) assessments.Add(rules.Rule("assessment.public-opinion"));
        if (publicOpinion && providerFilings.Any(f => f.Type == AlgorithmType.GenerationSynthesis))
            assessments.Add(rules.Rule("assessment.deep-synthesis-new-function"));
        var filedAlgorithms = algorithms.Where(a => filings.Any(f => f.AlgorithmName == a.Name && f.Type == a.Type)).ToList();
        if (filedAlgorithms.Any(a => a.EditsBiometrics)) assessments.Add(rules.Rule("assessment.biometric"));
        if (filedAlgorithms.Any(a => a.SensitiveScenes)) assessments.Add(rules.Rule("assessment.sensitive-scenes"));
        if (largeModel.Kind == LargeModelDutyKind.Filing) assessments.Add(rules.Rule("assessment.large-model"));

        var generated =
            filedAlgorithms.Where(a => a.Type == AlgorithmType.GenerationSynthesis).SelectMany(a => a.Content).Distinct().Order();
        var labeling = generated.Select(c => rules.Labeling[c]).ToList();
        var biometricLabeling = filedAlgorithms.Any(a => a.EditsBiometrics) ? rules.BiometricLabeling : null;

        var prerequisites = new List<Citation>();
        if (answers.CreditCode is { } code)
        {
            if (Identifiers.CreditCode.Validate(code) is { } codeError)
                prerequisites.Add(rules.Rule("prerequisite.credit-code-invalid") with
                {
                    Text = $"{rules.Rule("prerequisite.credit-code-invalid").Text}：{codeError}"
                });
            else if (Identifiers.CreditCode.KindOf(code) is not (SubjectKind.Enterprise or SubjectKind.IndividualBusiness))
                prerequisites.Add(rules.Rule("prerequisite.not-enterprise"));
        }
        if (filingRequired) prerequisites.Add(rules.Rule("prerequisite.subject"));
        if (providerFilings.Count > 0) prerequisites.Add(rules.Rule("prerequisite.icp"));

        return new AssessmentPlan(
            rules.Version,
            answers.ServiceName,
            filingRequired,
            reasons,
            algorithms.Select(a => a.Type).Distinct().Order().ToList(),
            roles,
            dual,
            filings,
            largeModel,
            assessments,
            labeling,
            biometricLabeling,
            filingRequired ? rules.Materials["subject"] : [],
            filingRequired ? Deadlines(answers.LaunchDate, calendar, rules) : [],
            prerequisites);
    }

    /// <summary>Groups functions into algorithms: functions naming the same algorithm share it; each of the five types is its own
    /// algorithm.</summary>
    private static List<Algorithm> FindAlgorithms(ServiceAnswers answers)
    {
        var byKey = new Dictionary<(string, AlgorithmType), Algorithm>();
        var order = new List<Algorithm>();
        foreach (var f in answers.Functions)
        {
            var name = string.IsNullOrWhiteSpace(f.Algorithm) ? f.Name.Trim() : f.Algorithm.Trim();
            foreach (var type in TypesOf(f))
            {
                if (!byKey.TryGetValue((name, type), out var algorithm))
                {
                    algorithm = new Algorithm(name, type);
                    byKey[(name, type)] = algorithm;
                    order.Add(algorithm);
                }
                algorithm.Functions.Add(f.Name.Trim());
                if (type != AlgorithmType.GenerationSynthesis) continue;
                algorithm.Content.UnionWith(f.Generates);
                // Face and voice editing produce images and audio even when the answer did not list them.
                if (f.EditsFaces) algorithm.Content.Add(ContentType.Image);
                if (f.EditsVoices) algorithm.Content.Add(ContentType.Audio);
                algorithm.EditsBiometrics |= f.EditsFaces || f.EditsVoices;
                algorithm.SensitiveScenes |= f.SensitiveObjectsOrScenes;
            }
        }
        // A name used for several types is ambiguous in a filing list: qualify it with the type.
        foreach (var group in order.GroupBy(a => a.Name).Where(g => g.Count() > 1).ToList())
            foreach (var a in group) a.Name = $"{a.Name}（{DisplayNames.Of(a.Type)}）";
        return order;
    }

    private static IEnumerable<AlgorithmType> TypesOf(ServiceFunction f)
    {
        if (f.Generates.Count > 0 || f.EditsFaces || f.EditsVoices
            || f.SensitiveObjectsOrScenes) yield return AlgorithmType.GenerationSynthesis;
        if (f.PersonalisedPush) yield return AlgorithmType.PersonalisedPush;
        if (f.RankingSelection) yield return AlgorithmType.RankingSelection;
        if (f.RetrievalFiltering) yield return AlgorithmType.RetrievalFiltering;
        if (f.SchedulingDecision) yield return AlgorithmType.SchedulingDecision;
    }

    private static PlannedFiling Filing(Algorithm a, FilingRole role, List<Citation> basis, bool publicOpinion, ApplicabilityRules rules)
    {
        var materials = new List<MaterialItem>(rules.Materials["everyFiling"]);
        materials.AddRange(rules.Materials[role == FilingRole.ServiceProvider ? "provider" : "supporter"]);
        if (a.Type == AlgorithmType.GenerationSynthesis) materials.AddRange(rules.Materials["generation"]);
        if (a.EditsBiometrics) materials.AddRange(rules.Materials["biometric"]);
        if (a.SensitiveScenes) materials.AddRange(rules.Materials["sensitiveScenes"]);
        if (publicOpinion && role == FilingRole.ServiceProvider) materials.AddRange(rules.Materials["publicOpinion"]);
        return new PlannedFiling(a.Name, a.Type, DisplayNames.Of(a.Type), role, DisplayNames.Of(role), a.Functions, basis, materials);
    }


    private static LargeModelDuty LargeModel(ServiceAnswers answers, bool publicService, ApplicabilityRules rules) =>
        answers.LargeModel switch
        {
            LargeModelUse.OwnOrFineTuned when publicService || answers.ApiOpenToAnyDeveloper =>
                Duty(LargeModelDutyKind.Filing, rules.Rule("model.filing"), rules.Materials["largeModelFiling"]),
            LargeModelUse.OwnOrFineTuned => Duty(LargeModelDutyKind.None, rules.Rule("model.not-public"), []),
            LargeModelUse.FiledModelApi when publicService =>
                Duty(LargeModelDutyKind.Registration, rules.Rule("model.registration"), rules.Materials["largeModelRegistration"]),
            LargeModelUse.FiledModelApi => Duty(LargeModelDutyKind.None, rules.Rule("model.registration-not-public"), []),
            _ => Duty(LargeModelDutyKind.None, rules.Rule("model.none"), []),
        };

    private static LargeModelDuty Duty(LargeModelDutyKind kind, Citation basis, IReadOnlyList<MaterialItem> materials) =>
        new(kind, DisplayNames.Of(kind), basis, materials);

    private static List<PlannedDeadline> Deadlines(DateOnly? launch, WorkingCalendar calendar, ApplicabilityRules rules)
    {
        var result = new List<PlannedDeadline>();
        foreach (var rule in DeadlineRules.All.OrderBy(r => r.Kind))
        {
            if (rule.Kind != DeadlineKind.StartOfService)
            {
                result.Add(new PlannedDeadline(rule.Kind, rule.ChineseName, rule.WorkingDays, rule.Article, null, null, null));
                continue;
            }
            if (launch is null)
            {
                result.Add(new PlannedDeadline(rule.Kind, rule.ChineseName, rule.WorkingDays, rule.Article, null, null,
                    rules.Rule("deadline.before-launch").Text));
                continue;
            }
            // The same computation as every other due date shown (an estimate past the official calendars, flagged).
            var due = DeadlineRules.DueDateOrEstimate(rule.Kind, launch.Value, calendar);
            result.Add(new PlannedDeadline(rule.Kind, rule.ChineseName, rule.WorkingDays, rule.Article, launch, due.Date,
                due.Estimated ? rules.Rule("deadline.no-calendar").Text : null));
        }
        return result;
    }

    private static void AddOnce(List<Citation> list, Citation c)
    {
        if (!list.Any(x => x.RuleId == c.RuleId)) list.Add(c);
    }
}
