using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Suanbei.Core.Filings;
using Suanbei.Core.Identifiers;

namespace Suanbei.Core.Checks;

/// <summary>
/// The pre-submission check (备案预审): runs every rule of <see cref="PresubmissionRules"/> over a <see cref="FilingSnapshot"/>.
/// Pure: no I/O; the caller passes the date (for ICP expiry) and the texts of other filings (for copied-text detection).
/// </summary>
public static class PresubmissionCheck
{
    public static CheckReport Evaluate(FilingSnapshot snapshot, DateOnly today, IEnumerable<KnownText>? otherFilings = null,
        PresubmissionRules? rules = null)
    {
        rules ??= PresubmissionRules.Current;
        var run = new Run(snapshot, today, otherFilings?.ToList() ?? [], rules);
        run.All();
        // Findings in the order of the rule library, then in the order found.
        var order = rules.Rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return new CheckReport(rules.Version,
            run.Findings.Select((f, i) => (f, i)).OrderBy(x => order[x.f.RuleId]).ThenBy(x => x.i).Select(x => x.f).ToList());
    }

    /// <summary>
    /// The prose fields a filer writes (compared against templates and other filings, and read for jargon), as
    /// snapshot path, the label of the form field and the text.
    /// </summary>
    public static IEnumerable<(string Field, string Label, string? Text)> NarrativeFields(AlgorithmSnapshot f) =>
        new (string Key, string? Text)[]
        {
            (FilingFields.MainPurpose, f.MainPurpose), (FilingFields.Summary, f.Summary), (FilingFields.Scenarios, f.Scenarios),
            (FilingFields.DataSources, f.DataSources), (FilingFields.ModelAndTrainingData, f.ModelAndTrainingData),
            (FilingFields.Strategy, f.Strategy), (FilingFields.RisksAndSafeguards, f.RisksAndSafeguards),
            (FilingFields.ModerationFlow, f.ModerationFlow), (FilingFields.ComplaintChannels, f.ComplaintChannels),
            (FilingFields.RegulatorCooperation, f.RegulatorCooperation),
            (FilingFields.DisclosurePrinciple, f.DisclosurePrinciple), (FilingFields.DisclosureMechanism, f.DisclosureMechanism),
            (FilingFields.DisclosureScenarios, f.DisclosureScenarios), (FilingFields.DisclosurePurpose, f.DisclosurePurpose),
        }.Select(x => (CheckFieldLabels.FilingPath(x.Key), FilingFields.Label(x.Key), x.Text));

    /// <summary>Lower-cased text without whitespace, punctuation and symbols, so copied text matches whatever its punctuation.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>Jaccard similarity of the character 3-gram sets of two normalised texts (0–1).</summary>
    public static double Similarity(string normalisedA, string normalisedB)
    {
        var a = Shingles(normalisedA);
        var b = Shingles(normalisedB);
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static HashSet<string> Shingles(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= s.Length; i++) set.Add(s.Substring(i, 3));
        return set;
    }

    private static readonly Regex LatinWord = new("[A-Za-z][A-Za-z0-9\\-]+", RegexOptions.CultureInvariant);
    private static readonly char[] SentenceEnds = ['。', '！', '？', '；', '!', '?', ';', '\n'];

    /// <summary>Jargon density of a text: (terms and Latin words, sentences). Terms from the data list; Latin words always count.</summary>
    public static (int Terms, int Sentences) JargonDensity(string text, IReadOnlyList<string> jargonTerms)
    {
        var sentences =
            text.Split(SentenceEnds, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Count(s => s.Length >= 2);
        var latin = LatinWord.Matches(text).Count;
        var terms = 0;
        foreach (var term in jargonTerms.Where(t => !t.All(char.IsAscii)))
            for (var i = text.IndexOf(term, StringComparison.Ordinal); i >= 0; i =
                text.IndexOf(term, i + term.Length, StringComparison.Ordinal)) terms++;
        return (terms + latin, Math.Max(sentences, 1));
    }

    private sealed class Run(FilingSnapshot s, DateOnly today, List<KnownText> others, PresubmissionRules rules)
    {
        public readonly List<CheckFinding> Findings = [];

        private void Add(string ruleId, string field, params (string Key, string Value)[] values)
        {
            var rule = rules.ById[ruleId];
            Findings.Add(new CheckFinding(rule.Id, rule.Severity, DisplayNames.Of(rule.Severity), field, rule.Format(values), rule.Source));
        }

        private static bool Blank(string? x) => string.IsNullOrWhiteSpace(x);
        private static string NameKey(string? x) => Normalise(x?.Replace('（', '(').Replace('）', ')'));
        private string ProductName(int i) => Blank(s.Products[i].Name) ? $"第{i + 1}个产品" : s.Products[i].Name!.Trim();

        public void All()
        {
            Icp(); Users(); Functions(); LinkedFunctions(); Scenarios(); AccessPaths(); Labeling(); Logs(); Biometric(); Role(); Jargon();
            OfficerDocuments(); Templates(); Registry();
        }

        private void Icp()
        {
            var scenarioText = string.Join("\n", s.Filing.Domain, s.Filing.Scenarios, s.Filing.DisclosureScenarios, s.Filing.Summary);
            for (var i = 0; i < s.Products.Count; i++)
            {
                var icp = s.Products[i].Icp;
                var product = ProductName(i);
                var error = Blank(icp?.Number) ? "未填写" : IcpNumber.Validate(icp!.Number);
                if (error is not null) Add("icp.missing", $"products[{i}].icp.number", ("product", product), ("detail", error));
                if (icp is null) continue;
                if (icp.ExpiresOn is { } expires && expires < today)
                    Add("icp.expired", $"products[{i}].icp.expiresOn", ("product", product),
                        ("detail", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                if (!Blank(icp.Holder) && !Blank(s.Subject.Name) && NameKey(icp.Holder) != NameKey(s.Subject.Name))
                    Add("icp.other-holder", $"products[{i}].icp.holder", ("product", product), ("detail", icp.Holder!.Trim()),
                        ("subject", s.Subject.Name!.Trim()));
                if (!Blank(icp.BusinessScope))
                    foreach (var req in rules.ScopeRequirements)
                        if (req.ScenarioTerms.Any(t => scenarioText.Contains(t, StringComparison.Ordinal))
                            && !req.ScopeTerms.Any(t => icp.BusinessScope!.Contains(t, StringComparison.Ordinal)))
                            Add("icp.scope-mismatch", $"products[{i}].icp.businessScope", ("product", product), ("detail", req.Scenario));
            }
        }

        private void Users()
        {
            var sum = s.Products.Sum(p => p.MonthlyActiveUsers ?? 0);
            if (s.Subject.MonthlyActiveUsers is { } subjectMau && s.Products.Any(p => p.MonthlyActiveUsers is not null)
                && sum > subjectMau * rules.Threshold("subjectUsersTolerance"))
                Add("users.inconsistent", "subject.monthlyActiveUsers", ("detail", subjectMau.ToString(CultureInfo.InvariantCulture)),
                    ("products", sum.ToString(CultureInfo.InvariantCulture)));
            var max = (long)rules.Threshold("maxPlausibleMonthlyActiveUsers");
            for (var i = 0; i < s.Products.Count; i++)
            {
                var p = s.Products[i];
                var problems = new List<string>();
                if (p.MonthlyActiveUsers < 0 || p.DailyActiveUsers < 0 || p.TotalUsers < 0) problems.Add("用户数不能为负数");
                if (p.DailyActiveUsers > p.MonthlyActiveUsers) problems.Add($"日活 {p.DailyActiveUsers} 大于月活 {p.MonthlyActiveUsers}");
                if (p.MonthlyActiveUsers > p.TotalUsers) problems.Add($"月活 {p.MonthlyActiveUsers} 大于累计用户 {p.TotalUsers}");
                if (p.MonthlyActiveUsers > max || p.DailyActiveUsers > max) problems.Add($"超过全国网民规模（约 {max / 100_000_000.0:0.#} 亿）");
                if (problems.Count > 0) Add("users.implausible", $"products[{i}].monthlyActiveUsers", ("product", ProductName(i)),
                    ("detail", string.Join("；", problems)));
            }
        }

        private void Functions()
        {
            var maxLength = (int)rules.Threshold("maxFunctionDescription");
            var minLength = (int)rules.Threshold("minFunctionDescription");
            for (var i = 0; i < s.Products.Count; i++)
                for (var j = 0; j < s.Products[i].Functions.Count; j++)
                {
                    var f = s.Products[i].Functions[j];
                    var field = $"products[{i}].functions[{j}].description";
                    var name = Blank(f.Name) ? $"第{j + 1}个功能" : f.Name!.Trim();
                    var d = f.Description?.Trim() ?? "";
                    var length = d.EnumerateRunes().Count();
                    if (length == 0) { Add("function.empty", field, ("product", ProductName(i)), ("function", name)); continue; }
                    if (length > maxLength) Add("function.too-long", field, ("product", ProductName(i)), ("function", name),
                        ("detail", length.ToString(CultureInfo.InvariantCulture)),
                            ("max", maxLength.ToString(CultureInfo.InvariantCulture)));
                    string? why = null;
                    if (Normalise(d) == Normalise(f.Name)) why = "只重复了功能名称";
                    else if (length < minLength) why = $"仅 {length} 字";
                    else if (!rules.FunctionVerbs.Any(v => d.Contains(v, StringComparison.Ordinal))) why = "没有说明功能做什么（如生成、推荐、检索、识别）";
                    if (why is not null) Add("function.not-descriptive", field, ("product", ProductName(i)), ("function", name),
                        ("detail", why));
                }
        }

        private void Scenarios()
        {
            foreach (var (field, text) in new[] { ("filing.scenarios", s.Filing.Scenarios),
                ("filing.disclosureScenarios", s.Filing.DisclosureScenarios) })
            {
                if (Blank(text)) continue;
                var vague = rules.VagueScenarios.Where(v => text!.Contains(v, StringComparison.Ordinal)).ToList();
                if (vague.Count > 0) Add("scenario.vague", field, ("detail", string.Join("、", vague)));
            }
        }

        private void AccessPaths()
        {
            var minSteps = (int)rules.Threshold("minAccessPathSteps");
            for (var i = 0; i < s.Products.Count; i++)
            {
                var p = s.Products[i];
                if (p.Form == Products.ProductForm.Api) continue; // an API has an endpoint, not a navigation path
                var steps = p.AccessPath.ToList();
                string? why = null;
                if (steps.Count == 0) why = "未填写访问路径";
                else if (steps.Any(Blank)) why = $"第 {steps.FindIndex(Blank) + 1} 步为空";
                else if (steps.Count < minSteps) why = $"只有 {steps.Count} 步，缺少从打开产品到找到功能的中间步骤";
                else if (p.Functions.Count > 0
                    && !p.Functions.Any(f => !Blank(f.Name) && steps[^1].Contains(f.Name!.Trim(), StringComparison.Ordinal)))
                    why = "最后一步没有指向任何已填报的功能";
                if (why is not null) Add("access-path.incomplete", $"products[{i}].accessPath", ("product", ProductName(i)),
                    ("detail", why));
            }
        }

        private void Labeling()
        {
            if (s.Filing.Type != AlgorithmType.GenerationSynthesis) return; // the labeling duty is on generated/synthesised content
            foreach (var modality in s.Filing.OutputModalities.Distinct())
            {
                if (modality == DataModality.None) continue;
                var ok = s.Filing.Labeling.Any(l => l.Modality.HasFlag(modality) && !Blank(l.ExplicitMethod) && !Blank(l.ImplicitMethod)
                    && l.HasExample);
                if (!ok) Add("labeling.example-missing", "filing.labeling", ("detail", DisplayNames.Of(modality)));
            }
        }

        private void Logs()
        {
            var min = (int)rules.Threshold("minLogRetentionMonths");
            var minText = ("min", min.ToString(CultureInfo.InvariantCulture));
            if (s.Filing.LogRetentionMonths is not { } months)
                Add("logs.retention-short", "filing.logRetentionMonths", ("detail", "未填写"), minText);
            else if (months < min) Add("logs.retention-short", "filing.logRetentionMonths", ("detail", $"为 {months} 个月"), minText);
        }

        private void Biometric()
        {
            var kinds = new List<string>();
            if (s.Filing.UsesBiometricData == true) kinds.Add("生物特征数据");
            if (s.Filing.UsesIdentityData == true) kinds.Add("身份信息数据");
            if (kinds.Count == 0 || s.Filing.SpecialAssessmentAttached == true) return;
            var described = s.Filing.SpecialAssessmentAttached is null
                && rules.AssessmentEvidenceTerms.Any(t => (s.Filing.RisksAndSafeguards ?? "").Contains(t, StringComparison.Ordinal));
            if (!described) Add("biometric.assessment-missing", "filing.risksAndSafeguards", ("detail", string.Join("和", kinds)));
        }

        private void Role()
        {
            var f = s.Filing;
            var problems = new List<string>();
            if (f.Role == FilingRole.ServiceProvider)
            {
                if (f.LinkedProducts.Count == 0) problems.Add("服务提供者须关联至少一个面向用户的产品");
                var linked =
                    f.LinkedProducts.Select(n =>
                    (Name: n, Product: s.Products.FirstOrDefault(p => NameKey(p.Name) == NameKey(n)))).ToList();
                foreach (var l in linked.Where(l => l.Product is null)) problems.Add($"关联产品「{l.Name}」未在产品信息中填报");
                if (linked.Count > 0 && linked.All(l => l.Product?.Form == Products.ProductForm.Api))
                    problems.Add("关联产品均为 API 形态，通过接口向企业提供算法应以服务技术支持者身份备案");
            }
            else if (f.Role == FilingRole.TechnicalSupporter)
            {
                if (f.ServiceMode is null) problems.Add("服务技术支持者须说明技术服务方式（如 API、SDK、私有化部署）");
                if (f.LinkedProducts.Count > 0) problems.Add("服务技术支持者不关联面向用户的产品；如同时直接面向用户提供服务，应另行以服务提供者身份备案");
            }
            else problems.Add("未选择填报角色（服务提供者/服务技术支持者）");
            if (problems.Count > 0) Add("role.inconsistent", "filing.role", ("detail", string.Join("；", problems) + "。"));
        }

        private void Jargon()
        {
            foreach (var (field, label, text) in NarrativeFields(s.Filing))
            {
                if (Blank(text)) continue;
                var (terms, sentences) = JargonDensity(text!, rules.JargonTerms);
                var density = (double)terms / sentences;
                if (sentences >= rules.Threshold("jargonMinSentences") && density > rules.Threshold("jargonPerSentence"))
                    Add("principle.jargon", field, ("fieldName", label),
                        ("detail",
                            $"{sentences} 句中有 {terms} 个术语或英文缩写，平均每句 {density:0.0} 个，超过 {rules.Threshold("jargonPerSentence"):0.#} 个"));
            }
        }

        /// <summary>A function chosen without its product: the product is what users reach it through, so both are filed.</summary>
        private void LinkedFunctions()
        {
            var linked = s.Filing.LinkedProducts.Select(NameKey).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < s.Filing.LinkedFunctions.Count; i++)
            {
                var lf = s.Filing.LinkedFunctions[i];
                if (linked.Contains(NameKey(lf.Product))) continue;
                Add("function.product-not-linked", $"filing.linkedFunctions[{i}]",
                    ("function", Blank(lf.Function) ? $"第{i + 1}个功能" : lf.Function!.Trim()),
                        ("product", Blank(lf.Product) ? "（未写明）" : lf.Product!.Trim()));
            }
        }

        private void OfficerDocuments()
        {
            var d = s.OfficerDocuments;
            if (d is null) return;
            var subject = s.Subject;
            var problems = new List<string>();
            void Compare(string? a, string? b, string what)
            {
                if (!Blank(a) && !Blank(b) && NameKey(a) != NameKey(b)) problems.Add($"{what}（「{a!.Trim()}」与「{b!.Trim()}」）");
            }
            Compare(d.CommitmentSignerName, subject.OfficerName, "承诺书签字人与主体信息中的算法安全责任人姓名不一致");
            Compare(d.CommitmentSignerIdNumber, subject.OfficerIdNumber, "承诺书证件号码与主体信息中的责任人证件号码不一致");
            Compare(d.EmploymentName, subject.OfficerName, "工作证明姓名与算法安全责任人姓名不一致");
            Compare(d.EmploymentName, d.CommitmentSignerName, "工作证明姓名与承诺书签字人不一致");
            Compare(d.EmploymentEmployer, subject.Name, "工作证明出具单位与备案主体不一致");
            if (problems.Count > 0) Add("officer.documents-disagree", "officerDocuments",
                ("detail", string.Join("；", problems.Distinct())));

            var post = new List<string>();
            if (Blank(d.EmploymentPost)) post.Add("未写明职务");
            else if (!rules.OfficerPostTerms.Any(t => d.EmploymentPost!.Contains(t, StringComparison.OrdinalIgnoreCase)))
                post.Add($"所写职务「{d.EmploymentPost!.Trim()}」与算法安全无关");
            if (Blank(d.EmploymentTenure)) post.Add("未写明任职期限");
            if (post.Count > 0) Add("officer.post-unrelated", "officerDocuments.employmentPost", ("detail", string.Join("，", post)));
        }

        private void Templates()
        {
            var minChars = (int)rules.Threshold("templateMinChars");
            var templates =
                rules.TemplateSentences.Select(t => (t.Source, Text: Normalise(t.Text))).Where(t => t.Text.Length >= minChars).ToList();
            foreach (var (field, label, text) in NarrativeFields(s.Filing))
            {
                var n = Normalise(text);
                if (n.Length == 0) continue;
                var hits = templates.Where(t => n.Contains(t.Text, StringComparison.Ordinal)).Select(t => t.Source).Distinct().ToList();
                if (hits.Count > 0) Add("text.template-copy", field, ("fieldName", label), ("detail", string.Join("、", hits)));
            }
        }

        private void Registry()
        {
            if (others.Count == 0) return;
            var minChars = (int)rules.Threshold("registryMinChars");
            var minSimilarity = rules.Threshold("registryMinSimilarity");
            var known = others.Select(o => (o.Source, Text: Normalise(o.Text))).Where(o => o.Text.Length >= minChars).ToList();
            foreach (var (field, label, text) in NarrativeFields(s.Filing))
            {
                var n = Normalise(text);
                if (n.Length < minChars) continue;
                var best = known.Select(k => (k.Source, Score: Similarity(n, k.Text))).OrderByDescending(x => x.Score).FirstOrDefault();
                if (best.Source is not null && best.Score >= minSimilarity)
                    Add("text.registry-copy", field, ("fieldName", label), ("detail", best.Source),
                        ("score", best.Score.ToString("P0", CultureInfo.InvariantCulture)));
            }
        }
    }
}
