using Comity.Core.Matching;
using Comity.Core.Model;

namespace Comity.Application.Tests.Accuracy;

/// <summary>Issue 9, "a one-year date-of-birth slip": every UN-listed person with a full birth date in the default
/// corpus, queried by the name as listed with the birth date as listed, shifted by one year either way, or with day
/// and month swapped, must still match its own listing; a date clearly disjoint (four years off, same day) must not
/// lift an exact name over the threshold. Held-out (<c>test</c>) split of the entities.</summary>
/// <remarks>Measured 2026-12-01 on the test split (110 persons; 32 with a swappable day): before the
/// <c>DateComparison</c> rule as listed 100 %, ±1 year 2.7 %, swapped 100 %; after 100 % / 100 % / 100 %.</remarks>
[Collection(nameof(BundledCorpusCollection))]
public sealed class BirthDateSlipAccuracyTests(BundledCorpusFixture fixture)
{
    private const double AsListedFloor = 0.999;
    private const double SlipFloor = 0.98;
    private const double DisjointCeiling = 0.05;

    private static bool FullDate(FuzzyDate d) => d.Calendar == CalendarKind.Gregorian && !d.IsRange && !d.Circa && d.From.HasDay;

    private bool Matches(Entity e, PartialDate dob)
    {
        var query = new Query { Schema = Schema.Person, Names = [e.Names[0].Full], BirthDates = [new FuzzyDate(dob)] };
        return fixture.Corpus.Index.Match(query, 50, MatcherOptions.DefaultThreshold).Any(h => h.Entity.Id == e.Id);
    }

    [Fact]
    public void Listed_persons_survive_a_slipped_birth_date_and_not_a_disjoint_one()
    {
        var persons = fixture.Corpus.Entities
            .Where(e => e.Source == "un-sc" && e.Schema == Schema.Person && EntitySplit.IsTest(e.Id) && e.BirthDates.Any(FullDate))
            .ToList();
        Assert.True(persons.Count >= 100, $"{persons.Count} held-out UN persons with a full birth date");
        int listed = 0, slipped = 0, slips = 0, swapped = 0, swaps = 0, disjoint = 0;
        var missed = new List<string>();
        foreach (var e in persons)
        {
            var d = e.BirthDates.First(FullDate).From;
            listed += Matches(e, d) ? 1 : 0;
            foreach (var shifted in new[] { d with { Year = d.Year + 1 }, d with { Year = d.Year - 1 } })
            {
                slips++;
                if (Matches(e, shifted))
                {
                    slipped++;
                }
                else
                {
                    missed.Add($"{e.Id} {e.Names[0].Full} {shifted}");
                }
            }

            if (d.Day <= 12 && d.Day != d.Month)
            {
                swaps++;
                swapped += Matches(e, new PartialDate(d.Year, d.Day, d.Month)) ? 1 : 0;
            }

            // Four years off: clearly disjoint, unless the listing carries another date near it.
            var far = d with { Year = d.Year + 4 };
            var near = e.BirthDates.Any(b => b.Calendar == CalendarKind.Gregorian && Math.Abs(b.From.Year - far.Year) <= 3);
            disjoint += !near && Matches(e, far) ? 1 : 0;
        }

        var summary = $"as listed {listed}/{persons.Count}, ±1 year {slipped}/{slips}, swapped {swapped}/{swaps}, disjoint still matched {disjoint}; missed: "
            + string.Join("; ", missed.Take(10));
        Assert.True((double)listed / persons.Count >= AsListedFloor, summary);
        Assert.True((double)slipped / slips >= SlipFloor, summary);
        Assert.True(swaps > 20 && (double)swapped / swaps >= SlipFloor, summary);
        Assert.True((double)disjoint / persons.Count <= DisjointCeiling, summary);
    }
}
