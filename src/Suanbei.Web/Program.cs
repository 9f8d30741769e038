using Suanbei.Web.Hosting;

// Thin entry point; `suanbei serve` builds the same app. Arguments: --urls URL --data DIR --db CONNECTION-STRING.
var app = SuanbeiWebHost.Build(SuanbeiHostOptions.FromArgs(args));
app.Run();

public partial class Program;
