using System.Text.Json;
using Deque.AxeCore.Commons;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Comity.Ui.Tests.Support;

/// <summary>A real headless Chromium (Debian's <c>/usr/bin/chromium</c>) driven through Debian's
/// <c>/usr/bin/chromedriver</c>, with helpers for explicit waits, viewport and colour-scheme emulation, axe-core
/// audits and screenshots. Nothing is downloaded.</summary>
internal sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverDirectory = "/usr/bin";

    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());
    private readonly string _profile;

    public Browser(Uri baseAddress)
    {
        BaseAddress = baseAddress;
        if (!File.Exists(ChromiumPath) || !File.Exists(Path.Combine(DriverDirectory, "chromedriver")))
        {
            throw new InvalidOperationException("Chromium is not installed: apt-get install chromium chromium-driver (.ci/run and scripts/test.sh do it)");
        }

        _profile = Repo.TempDir();
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath, AcceptInsecureCertificates = false };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--disable-extensions", "--disable-crash-reporter", "--disable-breakpad", "--lang=en-US",
            "--window-size=1280,800", "--force-device-scale-factor=1", "--hide-scrollbars", "--user-data-dir=" + _profile);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        Viewport(1280, 800);
    }

    public ChromeDriver Driver { get; }

    public Uri BaseAddress { get; }

    public string Url => Driver.Url;

    public void Go(string path) => Driver.Navigate().GoToUrl(new Uri(BaseAddress, path));

    public IWebElement Find(string css) => Wait(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), css);

    public IReadOnlyList<IWebElement> All(string css) => Driver.FindElements(By.CssSelector(css));

    public bool Exists(string css) => Driver.FindElements(By.CssSelector(css)).Count > 0;

    /// <summary>Waits (up to <paramref name="seconds"/>) until <paramref name="condition"/> gives a value.</summary>
    public T Wait<T>(Func<IWebDriver, T?> condition, string what, int seconds = 30)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds)) { Message = "waiting for " + what };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        try
        {
            // WebDriverWait takes object or bool results: null (or false) means "not yet".
            return (T)wait.Until<object?>(d => condition(d) is { } r && r is not false ? r : null)!;
        }
        catch (WebDriverTimeoutException e)
        {
            var text = Driver.FindElements(By.CssSelector("body")).FirstOrDefault()?.Text ?? Driver.PageSource;
            throw new WebDriverTimeoutException($"{e.Message} on {Driver.Url}; the page says: {(text.Length > 1500 ? text[..1500] : text)}", e);
        }
    }

    public void WaitForText(string css, string text, int seconds = 30) =>
        Wait(d => d.FindElements(By.CssSelector(css)).Any(e => e.Text.Contains(text, StringComparison.Ordinal)) ? true : (bool?)null, $"{css} to show '{text}'", seconds);

    public object? Script(string js, params object[] args) => Driver.ExecuteScript(js, args);

    /// <summary>Emulates a viewport (CSS pixels) and touch for narrow ones.</summary>
    public void Viewport(int width, int height) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = width < 600,
        });

    /// <summary>Emulates <c>prefers-color-scheme</c>.</summary>
    public void ColorScheme(bool dark) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
        {
            ["features"] = new object[] { new Dictionary<string, object> { ["name"] = "prefers-color-scheme", ["value"] = dark ? "dark" : "light" } },
        });

    /// <summary>Runs axe-core on the page; returns the violations of impact serious or critical ("rule: target").</summary>
    public IReadOnlyList<string> SeriousAxeViolations()
    {
        Driver.ExecuteScript(AxeScript.Value);
        var json = (string?)Driver.ExecuteAsyncScript(
            """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
              done(JSON.stringify(r.violations.map(function (v) {
                return { id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }) };
              })));
            }).catch(function (e) { done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])); });
            """);
        using var doc = JsonDocument.Parse(json ?? "[]");
        return [.. doc.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    /// <summary>Writes a PNG of the viewport to the screenshots folder (<c>COMITY_UI_SCREENSHOTS</c>, else
    /// <c>screenshots/</c> beside the tests): a test artefact.</summary>
    public string Screenshot(string name, bool fullPage = false)
    {
        var dir = Environment.GetEnvironmentVariable("COMITY_UI_SCREENSHOTS") is { Length: > 0 } d ? d : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".png");
        if (!fullPage)
        {
            Driver.GetScreenshot().SaveAsFile(path);
            return path;
        }

        // The whole page: the viewport is stretched to the document's height (at most 2,400 px) for the shot.
        var width = Convert.ToInt32(Script("return window.innerWidth;"), System.Globalization.CultureInfo.InvariantCulture);
        var height = Convert.ToInt32(Script("return window.innerHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        var full = Convert.ToInt32(Script("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Viewport(width, Math.Min(2400, Math.Max(height, full)));
        Driver.GetScreenshot().SaveAsFile(path);
        Viewport(width, height);
        return path;
    }

    /// <summary>The document's width beyond the viewport (0 when nothing overflows sideways).</summary>
    public long HorizontalOverflow() => Convert.ToInt64(Script("return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);"), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        finally
        {
            Driver.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
