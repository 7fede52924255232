using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Warta.Server.Ui;

namespace Warta.Server.Components;

/// <summary>Base of every page and layout: the request (static rendering) and the interface's words for it.</summary>
public abstract class WartaComponent : ComponentBase
{
    private UiText? _text;

    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected UiText T => _text ??= UiText.For(HttpContext);

    /// <summary>The current address with <paramref name="name"/> set to <paramref name="value"/> (null removes it).</summary>
    protected string WithQuery(string name, string? value, bool resetPage = true)
    {
        var request = HttpContext?.Request;
        var query = new StringBuilder();
        if (request is not null)
        {
            foreach (var (key, values) in request.Query)
            {
                if (string.Equals(key, name, StringComparison.Ordinal) || (resetPage && string.Equals(key, "page", StringComparison.Ordinal)))
                {
                    continue;
                }

                foreach (var v in values)
                {
                    Append(query, key, v ?? string.Empty);
                }
            }
        }

        if (value is not null)
        {
            Append(query, name, value);
        }

        var path = request?.Path.Value ?? "/";
        return query.Length == 0 ? path : path + "?" + query;
    }

    protected string Query(string name) => HttpContext?.Request.Query[name].ToString() ?? string.Empty;

    protected static string EntityHref(string canonical) => "/entities/" + Uri.EscapeDataString(canonical);

    protected static string StoryHref(string id) => "/stories/" + Uri.EscapeDataString(id);

    /// <summary>Only http(s) addresses become links; anything else (javascript:, data:) is shown as text.</summary>
    protected static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    protected void SetStatus(int status)
    {
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = status;
        }
    }

    private static void Append(StringBuilder query, string key, string value)
    {
        if (query.Length > 0)
        {
            query.Append('&');
        }

        query.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
