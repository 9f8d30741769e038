namespace Suanbei.Labels.Tests;

/// <summary>Small hand-written SVG and HTML documents, shaped like what editors and sites produce.</summary>
public static class MarkupSamples
{
    public const string BodyText = "生成内容示例";

    public const string Svg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="48" height="32" viewBox="0 0 48 32">
          <!-- <metadata> in a comment is not metadata -->
          <rect width="48" height="32" fill="#c00"/>
          <circle cx="24" cy="16" r="10" fill="#00c"/>
        </svg>

        """;

    /// <summary>As Inkscape saves: Dublin Core in RDF inside metadata, namespaces on the root.</summary>
    public const string SvgWithRdf = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <svg xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"
           xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://www.w3.org/2000/svg"
           width="48" height="32" viewBox="0 0 48 32" version="1.1">
          <metadata id="metadata5">
            <rdf:RDF>
              <cc:Work rdf:about="">
                <dc:format>image/svg+xml</dc:format>
                <dc:title>示例</dc:title>
              </cc:Work>
            </rdf:RDF>
          </metadata>
          <rect width="48" height="32" fill="#0a0"/>
        </svg>

        """;

    public const string Html = $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
          <meta charset="utf-8">
          <title>示例</title>
          <script>var s = "<meta name='AIGC' content='not a label'>";</script>
        </head>
        <body>
          <!-- <meta name="AIGC" content="commented out"> -->
          <p>{BodyText}</p>
        </body>
        </html>

        """;

    /// <summary>No html or head element: a fragment, as some generators write.</summary>
    public const string HtmlFragment = $"<meta charset=\"utf-8\"><p>{BodyText}</p>\n";
}
