using Warta.Language;
using Warta.Linking;
using Warta.Model;

namespace Warta.Stories;

/// <summary>One article as the story clusterer sees it; a headline-only item has no <see cref="Text"/>.</summary>
public sealed record StoryItem(long Id, string? Title, string? Text, DateTimeOffset? Published, string? Outlet, string? Language)
{
    /// <summary>Entity names from the analyser, when present; capitalised tokens stand in for them otherwise.</summary>
    public IReadOnlyList<string> Entities { get; init; } = [];

    public static StoryItem Of(long id, Article article) => new(id, article.Title, article.Text, article.Published, article.Outlet, article.Language)
    {
        Entities = article.Entities.Select(e => e.Canonical).Distinct(StringComparer.Ordinal).ToList(),
    };
}

/// <summary>An article's title words, body words and names, ready for <see cref="StoryClusterer.Add(StoryItem, StoryTerms)"/>.</summary>
public sealed record StoryTerms(IReadOnlyList<string> Title, IReadOnlyList<string> Body, IReadOnlyList<string> Names);

/// <summary>A story: articles about one event, across outlets and languages.</summary>
public sealed record Story(
    long Id,
    string Label,
    IReadOnlyList<long> ArticleIds,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    IReadOnlyList<string> Outlets,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> KeyEntities);

/// <summary>Options for <see cref="StoryClusterer"/>; the defaults are calibrated on the UCI News Aggregator head (see RESULTS-linking.md).</summary>
public sealed class StoryClustererOptions
{
    public double TitleWeight { get; init; } = 0.5;

    public double BodyWeight { get; init; } = 0.2;

    /// <summary>
    /// Weight of the names feature; with title 0.5 and body 0.2 the best of a grid (title 0.4–0.6, names 0.1–0.3,
    /// threshold 0.08–0.15, decay 1–7 days) by the lower of the UCI head and WikiRef220 pair F1 (0.852, 0.958).
    /// </summary>
    public double EntityWeight { get; init; } = 0.3;

    /// <summary>
    /// Combined, time-decayed similarity from which an article joins a story rather than starting one; calibrated
    /// with the weights above (a 0.04–0.3 sweep alone finds the same value).
    /// </summary>
    public double Threshold { get; init; } = 0.08;

    /// <summary>
    /// Time constant of the decay exp(−Δt/τ) between an article and a story's latest article; measured from the
    /// latest article, so a story that keeps being covered stays open however long it runs.
    /// </summary>
    public TimeSpan DecayTime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Stories with no article for this long (in stream time) leave memory and are emitted.</summary>
    public TimeSpan ActiveWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Most active stories kept in memory; the least recently updated is retired first beyond it.</summary>
    public int MaxActiveStories { get; init; } = 50_000;

    /// <summary>
    /// When both the article and the story have names (capitalised tokens or entities) but share none, the
    /// article does not join: names are what tell two floods or two earthquakes apart. Off by default: on the UCI
    /// head it costs 0.04 pair F1 (Title-Case headlines make every word a "name").
    /// </summary>
    public bool RequireSharedName { get; init; }

    /// <summary>Body words read per article.</summary>
    public int MaxBodyWords { get; init; } = 400;

    /// <summary>Stories compared per article, those sharing the rarest terms first.</summary>
    public int MaxCandidates { get; init; } = 20;

    /// <summary>
    /// A term shared by more active stories than this proposes no candidates (it is as common as a stopword here and
    /// its postings would cost more than they tell); such stories still compete through their other terms.
    /// </summary>
    public int MaxPostingsPerTerm { get; init; } = 300;

    /// <summary>Keep retired stories for <see cref="StoryClusterer.Stories"/>; off when a store persists them, so memory stays bounded.</summary>
    public bool KeepRetired { get; init; } = true;

    public void Validate()
    {
        if (TitleWeight < 0 || BodyWeight < 0 || EntityWeight < 0 || TitleWeight + BodyWeight + EntityWeight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TitleWeight), "feature weights must be non-negative with a positive sum");
        }

        if (Threshold is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be in (0, 1)");
        }

        if (DecayTime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(DecayTime), DecayTime, "must be positive");
        }

        if (ActiveWindow <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ActiveWindow), ActiveWindow, "must be positive");
        }

        if (MaxActiveStories < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxActiveStories), MaxActiveStories, "must be positive");
        }

        if (MaxBodyWords < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBodyWords), MaxBodyWords, "must not be negative");
        }

        if (MaxCandidates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxCandidates), MaxCandidates, "must be positive");
        }

        if (MaxPostingsPerTerm < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPostingsPerTerm), MaxPostingsPerTerm, "must be positive");
        }
    }
}

/// <summary>
/// Streaming story clustering after Miranda et al. 2018 ("Multilingual Clustering of Streaming News"): each
/// article is compared with the active stories on three TF-IDF cosine features (title words, body words, entity
/// names — the cross-language anchors) with incrementally updated IDF, the features are combined with fixed
/// weights over those both sides have, decayed by the time gap, and the article joins the best story above the
/// threshold or starts a new one. Output depends only on the input order.
/// </summary>
public sealed class StoryClusterer
{
    private const int Title = 0;
    private const int Body = 1;
    private const int Names = 2;

    // Stemming dominates term preparation and news vocabulary repeats heavily (calibrated on IndoSum: a few
    // thousand distinct words cover most running text), so stems are remembered, up to a bound.
    private static readonly StemCache EnglishStems = new(EnglishStemmer.Stem);
    private static readonly StemCache IndonesianStems = new(IndonesianStemmer.Stem);

    private readonly StoryClustererOptions _options;
    private readonly double[] _weights;
    // Terms are interned to ints once per article: the scoring loops then hash and compare ints, not strings.
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int>[] _documentFrequency = [[], [], []];
    private readonly int[] _documents = new int[3];
    private readonly Dictionary<long, StoryState> _active = [];
    // Postings of the candidate features (title words, names), one table per feature: term → active stories.
    private readonly Dictionary<int, HashSet<long>>[] _index = [[], [], []];
    private static readonly int[] CandidateFeatures = [Title, Names];
    private DateTimeOffset? _lastRetireCheck;
    private readonly List<Story> _retired = [];
    private long _nextStoryId = 1;
    private DateTimeOffset? _clock;

    public StoryClusterer(StoryClustererOptions? options = null)
    {
        _options = options ?? new StoryClustererOptions();
        _options.Validate();
        _weights = [_options.TitleWeight, _options.BodyWeight, _options.EntityWeight];
    }

    /// <summary>Raised when a story leaves the active window; it can then be written out and forgotten.</summary>
    public event Action<Story>? Retired;

    public int ActiveCount => _active.Count;

    /// <summary>True while the story is still in the active window (not yet retired).</summary>
    public bool IsActive(long storyId) => _active.ContainsKey(storyId);

    /// <summary>The active stories, ordered by id; retired ones were already raised through <see cref="Retired"/>.</summary>
    public IReadOnlyList<Story> ActiveStories() => [.. _active.Values.Select(ToStory).OrderBy(s => s.Id)];

    /// <summary>The story as it stands, while it is active; null once retired or unknown.</summary>
    public Story? Active(long storyId) => _active.TryGetValue(storyId, out var story) ? ToStory(story) : null;

    /// <summary>Adds one article and returns the id of the story it joined or started.</summary>
    public long Add(StoryItem item) => Add(item, Terms(item));

    /// <summary>
    /// The words and names of one article as the clusterer compares them (casefolded, stopwords out, stemmed): the
    /// part of <see cref="Add(StoryItem)"/> that does not depend on earlier articles, thread-safe, so callers can
    /// compute it for many articles in parallel and add them in order.
    /// </summary>
    public StoryTerms Terms(StoryItem item) => Terms(item, _options);

    /// <inheritdoc cref="Terms(StoryItem)"/>
    public static StoryTerms Terms(StoryItem item, StoryClustererOptions options)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(options);

        // Stopwords of the article's language, or of every bundled language when it is unknown.
        var stop = Stopwords.For(item.Language);
        bool Keep(string w) => w.Length > 1 && (stop.Count > 0 ? !stop.Contains(w) : !Stopwords.For("id").Contains(w) && !Stopwords.For("en").Contains(w));
        var stem = StemmerFor(item.Language);
        var title = TextTokens.Words(item.Title, 100).Where(Keep).Select(stem).ToList();
        var body = TextTokens.Words(item.Text, options.MaxBodyWords).Where(Keep).Select(stem).ToList();
        var names = item.Entities.Count > 0
            ? item.Entities.Select(e => TextTokens.Normalise(e)).Where(e => e.Length > 1).ToList()
            : NameTokens(item.Title, headline: true).Concat(NameTokens(TruncateWords(item.Text, options.MaxBodyWords), headline: false)).ToList();
        return new StoryTerms(title, body, names);
    }

    /// <summary>Adds one article whose <see cref="Terms"/> were computed ahead.</summary>
    public long Add(StoryItem item, StoryTerms terms)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(terms);
        var time = item.Published ?? _clock;
        if (time is { } t && (_clock is null || t > _clock))
        {
            _clock = t;

            // Scanning the active stories for idle ones costs O(active); once per stream hour is plenty against a
            // window of days (a story leaves at most an hour late).
            if (_lastRetireCheck is null || t - _lastRetireCheck.Value >= TimeSpan.FromHours(1))
            {
                _lastRetireCheck = t;
                RetireIdle(t);
            }
        }

        TermVector[] vectors = [Weigh(Title, terms.Title), Weigh(Body, terms.Body), Weigh(Names, terms.Names)];
        var (bestStory, bestScore) = (0L, 0.0);
        foreach (var storyId in Candidates(vectors))
        {
            var story = _active[storyId];
            var score = Score(vectors, story, time);
            if (score > bestScore || (score == bestScore && storyId < bestStory))
            {
                (bestStory, bestScore) = (storyId, score);
            }
        }

        StoryState target;
        if (bestStory != 0 && bestScore >= _options.Threshold)
        {
            target = _active[bestStory];
        }
        else
        {
            target = new StoryState(_nextStoryId++);
            _active[target.Id] = target;
            if (_active.Count > _options.MaxActiveStories)
            {
                var oldest = _active.Values.Where(s => s.Id != target.Id).OrderBy(s => s.LastSeen).ThenBy(s => s.Id).First();
                Retire(oldest);
            }
        }

        target.Add(item, vectors, time);
        foreach (var feature in CandidateFeatures)
        {
            foreach (var term in vectors[feature].Ids)
            {
                if (!_index[feature].TryGetValue(term, out var stories))
                {
                    _index[feature][term] = stories = [];
                }

                stories.Add(target.Id);
            }
        }

        return target.Id;
    }

    /// <summary>Every story so far: retired ones first, then the active ones, each ordered by id.</summary>
    public IReadOnlyList<Story> Stories() =>
        [.. _retired.Concat(_active.Values.Select(ToStory)).OrderBy(s => s.Id)];

    private IEnumerable<long> Candidates(TermVector[] vectors)
    {
        var votes = new Dictionary<long, double>();
        foreach (var feature in CandidateFeatures)
        {
            var vector = vectors[feature];
            for (var k = 0; k < vector.Ids.Length; k++)
            {
                var weight = vector.Weights[k];
                if (_index[feature].TryGetValue(vector.Ids[k], out var stories) && stories.Count <= _options.MaxPostingsPerTerm)
                {
                    foreach (var story in stories)
                    {
                        votes[story] = votes.GetValueOrDefault(story) + weight;
                    }
                }
            }
        }

        return votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).Take(_options.MaxCandidates).Select(v => v.Key);
    }

    private double Score(TermVector[] vectors, StoryState story, DateTimeOffset? time)
    {
        double total = 0, weights = 0;
        for (var f = 0; f < 3; f++)
        {
            if (vectors[f].Ids.Length == 0 || story.Norm(f) == 0 || _weights[f] == 0)
            {
                continue;
            }

            var cosine = story.Cosine(f, vectors[f]);
            if (f == Names && cosine == 0 && _options.RequireSharedName)
            {
                // Both sides name people or places and share none: a different event, however similar the words.
                return 0;
            }

            total += _weights[f] * cosine;
            weights += _weights[f];
        }

        if (weights == 0)
        {
            return 0;
        }

        var score = total / weights;
        if (time is { } t && story.LastSeen is { } last)
        {
            var gap = Math.Abs((t - last).TotalSeconds);
            score *= Math.Exp(-gap / _options.DecayTime.TotalSeconds);
        }

        return score;
    }

    /// <summary>
    /// The stemmer of the article's language, so "tapering" meets "taper" and "menegaskan" meets "tegas"; words of
    /// other languages stay as written (their exact forms still match across copies of one language).
    /// </summary>
    private static Func<string, string> StemmerFor(string? language) => language switch
    {
        "en" => EnglishStems.Get,
        "id" or "ms" => IndonesianStems.Get,
        _ => static w => w,
    };

    /// <summary>Unit-length TF-IDF vector of one feature; IDF counts this article before weighting.</summary>
    private TermVector Weigh(int feature, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return TermVector.Empty;
        }

        var counts = new Dictionary<int, int>(terms.Count);
        foreach (var term in terms)
        {
            if (!_termIds.TryGetValue(term, out var id))
            {
                id = _terms.Count;
                _termIds[term] = id;
                _terms.Add(term);
            }

            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        _documents[feature]++;
        var df = _documentFrequency[feature];
        var ids = new int[counts.Count];
        var weights = new double[counts.Count];
        var k = 0;
        double norm = 0;
        foreach (var (id, count) in counts)
        {
            while (df.Count <= id)
            {
                df.Add(0);
            }

            df[id]++;
            var idf = Math.Log((_documents[feature] + 1.0) / (df[id] + 1.0)) + 1.0;
            var weight = (1 + Math.Log(count)) * idf;
            ids[k] = id;
            weights[k++] = weight;
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= norm;
        }

        return new TermVector(ids, weights);
    }

    /// <summary>
    /// Capitalised tokens, casefolded: names and places, which survive translation. In a body a sentence's first
    /// word is skipped (it is capitalised anyway); a headline's first word is kept, since headlines usually open
    /// with the name ("Cianjur earthquake …") and IDF discounts the common openers.
    /// </summary>
    private static IEnumerable<string> NameTokens(string? text, bool headline)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var tokens = TextTokens.RawWords(text);
        var capitalised = tokens.Count(t => TextTokens.IsCapitalised(t.Text));

        // A Title-Case headline capitalises every word; then only multi-letter all-caps or mixed tokens stand out
        // less, so keep all capitalised tokens and let IDF discount the common ones.
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Text;
            var sentenceStart = i == 0 || IsSentenceBoundary(text, tokens[i - 1].Start + tokens[i - 1].Text.Length, tokens[i].Start);
            if (TextTokens.IsCapitalised(token) && token.Length > 1 && (headline || !sentenceStart || capitalised == tokens.Count))
            {
                yield return token.ToLowerInvariant();
            }
        }
    }

    private static bool IsSentenceBoundary(string text, int from, int to)
    {
        for (var i = from; i < to && i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static string? TruncateWords(string? text, int words)
    {
        if (text is null || text.Length <= words * 12)
        {
            return text;
        }

        return text[..(words * 12)];
    }

    private void RetireIdle(DateTimeOffset now)
    {
        foreach (var story in _active.Values.Where(s => s.LastSeen is { } last && now - last > _options.ActiveWindow).OrderBy(s => s.Id).ToList())
        {
            Retire(story);
        }
    }

    private void Retire(StoryState story)
    {
        _active.Remove(story.Id);
        foreach (var feature in CandidateFeatures)
        {
            foreach (var term in story.Terms(feature))
            {
                if (_index[feature].TryGetValue(term, out var stories))
                {
                    stories.Remove(story.Id);
                    if (stories.Count == 0)
                    {
                        _index[feature].Remove(term);
                    }
                }
            }
        }

        var done = ToStory(story);
        if (_options.KeepRetired)
        {
            _retired.Add(done);
        }

        Retired?.Invoke(done);
    }

    private Story ToStory(StoryState story) => story.ToStory(_terms);

    /// <summary>A sparse unit vector over interned term ids.</summary>
    private sealed record TermVector(int[] Ids, double[] Weights)
    {
        public static readonly TermVector Empty = new([], []);
    }

    private sealed class StoryState(long id)
    {
        private readonly Dictionary<int, double>[] _centroid = [[], [], []];
        private readonly double[] _normSquared = new double[3];
        private readonly List<long> _articles = [];
        private readonly List<(string Title, TermVector Vector)> _titles = [];
        private readonly SortedSet<string> _outlets = new(StringComparer.Ordinal);
        private readonly SortedSet<string> _languages = new(StringComparer.Ordinal);
        private readonly Dictionary<int, int> _names = [];
        private DateTimeOffset? _first;

        public long Id { get; } = id;

        public DateTimeOffset? LastSeen { get; private set; }

        public double Norm(int feature) => Math.Sqrt(_normSquared[feature]);

        public double Cosine(int feature, TermVector vector)
        {
            var centroid = _centroid[feature];
            double dot = 0;
            for (var k = 0; k < vector.Ids.Length; k++)
            {
                if (centroid.TryGetValue(vector.Ids[k], out var c))
                {
                    dot += vector.Weights[k] * c;
                }
            }

            return dot / Norm(feature);
        }

        public void Add(StoryItem item, TermVector[] vectors, DateTimeOffset? time)
        {
            _articles.Add(item.Id);
            for (var f = 0; f < 3; f++)
            {
                var centroid = _centroid[f];
                var vector = vectors[f];
                for (var k = 0; k < vector.Ids.Length; k++)
                {
                    var (term, weight) = (vector.Ids[k], vector.Weights[k]);
                    var old = centroid.GetValueOrDefault(term);
                    centroid[term] = old + weight;

                    // |S + v|² = |S|² + 2·S·v + |v|², term by term.
                    _normSquared[f] += (2 * old * weight) + (weight * weight);
                }
            }

            foreach (var name in vectors[Names].Ids)
            {
                _names[name] = _names.GetValueOrDefault(name) + 1;
            }

            if (!string.IsNullOrWhiteSpace(item.Title) && _titles.Count < 200)
            {
                _titles.Add((item.Title.Trim(), vectors[Title]));
            }

            if (!string.IsNullOrWhiteSpace(item.Outlet))
            {
                _outlets.Add(item.Outlet);
            }

            if (!string.IsNullOrWhiteSpace(item.Language))
            {
                _languages.Add(item.Language);
            }

            if (time is { } t)
            {
                _first = _first is null || t < _first ? t : _first;
                LastSeen = LastSeen is null || t > LastSeen ? t : LastSeen;
            }
        }

        public IEnumerable<int> Terms(int feature) => _centroid[feature].Keys;

        public Story ToStory(List<string> terms)
        {
            // The representative headline is the title closest to the story's title centroid.
            var label = _titles.Count == 0 ? $"story {Id}"
                : _titles.Select((t, i) => (t.Title, Score: Norm(Title) == 0 ? 0 : Cosine(Title, t.Vector), i))
                    .OrderByDescending(t => t.Score).ThenBy(t => t.i).First().Title;
            var keyEntities = _names.OrderByDescending(n => n.Value).ThenBy(n => terms[n.Key], StringComparer.Ordinal).Take(5).Select(n => terms[n.Key]).ToList();
            return new Story(Id, label, [.. _articles], _first, LastSeen, [.. _outlets], [.. _languages], keyEntities);
        }
    }
}

/// <summary>A thread-safe memo of a stemmer, bounded: past <see cref="Capacity"/> words it stems without remembering.</summary>
internal sealed class StemCache(Func<string, string> stem)
{
    public const int Capacity = 200_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    public string Get(string word)
    {
        if (_stems.TryGetValue(word, out var known))
        {
            return known;
        }

        var stemmed = stem(word);
        if (_stems.Count < Capacity)
        {
            _stems.TryAdd(word, stemmed);
        }

        return stemmed;
    }
}
