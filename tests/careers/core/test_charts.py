import pytest

from careers.core.charts import WIDTH, nice_step, range_bar, scale_for, segments


@pytest.mark.parametrize(
    ("largest", "step"), [(320_000, 100_000), (250_000, 50_000), (60, 10), (7, 2), (0, 1)]
)
def test_steps_are_round(largest, step):
    assert nice_step(largest) == step


def test_a_scale_starts_at_zero_and_ends_on_a_round_step_past_the_largest_value():
    scale = scale_for([120_000, 320_000])
    assert scale.top == 400_000
    assert scale.ticks == (0, 100_000, 200_000, 300_000, 400_000)
    assert scale.gridlines == [250.0, 500.0, 750.0]
    assert scale_for([60], steps=(3, 6, 12, 24, 60)).top == 60
    assert scale_for([18], steps=(3, 6, 12, 24, 60)).ticks == (0, 3, 6, 9, 12, 15, 18)
    assert scale_for([19], steps=(3, 6, 12, 24, 60)).ticks == (0, 6, 12, 18, 24)


def test_a_bar_twice_as_long_is_twice_as_much():
    scale = scale_for([400])
    assert range_bar(scale, 0, 200).width == 2 * range_bar(scale, 0, 100).width
    bar = range_bar(scale, 100, 300)
    assert (bar.x, bar.width) == (250, 500)
    # A single figure is still drawn, as a sliver, and never past the end.
    assert range_bar(scale, 400, 400).width > 0
    assert range_bar(scale, 400, 400).x + range_bar(scale, 400, 400).width <= WIDTH


def test_segments_lie_end_to_end_in_proportion():
    bars = segments([1, 2, 1], gap=0)
    assert [(bar.x, bar.width) for bar in bars] == [(0, 250), (250, 500), (750, 250)]
    assert segments([]) == []
    assert segments([0, 0]) == []
