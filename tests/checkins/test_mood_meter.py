"""The mood meter (pleasantness × energy), the one-tap check-in on home and its
"add more", and trends beyond mood."""

from datetime import timedelta

import pytest

from kinwell.checkins import selectors, services
from kinwell.checkins.forms import CheckInForm
from kinwell.checkins.models import CheckIn, SignNudge
from kinwell.checkins.vocabulary import FEELINGS, METER, MOOD_METER, QUADRANTS
from kinwell.core.localtime import today_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EXPECTED = {
    # word: (mood 1–5, energy 1–5)
    "angry": (2, 5), "anxious": (2, 4), "overwhelmed": (1, 4),
    "excited": (5, 5), "joyful": (5, 4), "hopeful": (4, 4),
    "sad": (2, 2), "tired": (3, 1), "hopeless": (1, 1),
    "grateful": (5, 2), "content": (4, 2), "calm": (4, 2),
}


def test_each_word_maps_to_a_mood_and_an_energy_in_its_quadrant():
    assert {choice.code: (choice.mood, choice.energy) for choice in MOOD_METER} == EXPECTED
    for choice in MOOD_METER:
        assert choice.code in FEELINGS  # stored as a feeling: one vocabulary, not a second
        high, pleasant = choice.quadrant.split("-")
        assert (choice.energy >= 4) == (high == "high") and (choice.energy <= 2) == (high == "low")
        assert (choice.mood >= 4) == (pleasant == "pleasant")
    assert {choice.quadrant for choice in MOOD_METER} == set(QUADRANTS)
    assert {choice.mood for choice in MOOD_METER} == {1, 2, 3, 4, 5}  # the whole scale is reachable


@pytest.mark.parametrize("word", sorted(EXPECTED))
def test_the_form_turns_a_word_into_mood_energy_and_the_feeling(word, client_for, user):
    response = client_for(user).post("/check-ins/new/", {"meter": word, "feelings": ["lonely"]})
    assert response.status_code == 302
    checkin = CheckIn.objects.get(owner=user)
    assert (checkin.mood, checkin.energy) == EXPECTED[word]
    assert checkin.feelings == [word, "lonely"]


def test_the_five_point_scale_still_works_and_nothing_chosen_is_a_400(client_for, user):
    client = client_for(user)
    assert client.post("/check-ins/new/", {"mood": "3", "energy": "2"}).status_code == 302
    assert CheckIn.objects.get(owner=user).feelings == []
    response = client.post("/check-ins/new/", {"stress": "4"})
    assert response.status_code == 400 and "Choose how you feel" in response.content.decode()
    assert client.post("/check-ins/new/", {"meter": "ecstatic"}).status_code == 400
    assert CheckIn.objects.filter(owner=user).count() == 1


def test_the_form_shows_the_meter_as_one_radio_group_with_words_faces_and_quadrants(client_for, user):
    page = client_for(user).get("/check-ins/new/").content.decode()
    assert page.count('type="radio" name="meter"') == 12
    assert '<legend class="meter__legend">How are you feeling?</legend>' in page
    for label in QUADRANTS.values():
        assert str(label) in page
    assert page.count('class="mood-icon"') >= 12 + 5  # a face for every word and every five-point mood


def test_editing_keeps_the_word_and_changing_it_replaces_the_old_one(client_for, user):
    client = client_for(user)
    client.post("/check-ins/new/", {"meter": "calm", "feelings": ["grateful"]})
    checkin = CheckIn.objects.get(owner=user)
    form = client.get(f"/check-ins/{checkin.pk}/edit/").content.decode()
    assert '<input type="radio" name="meter" value="calm" id="id_meter_11" checked>' in form
    client.post(f"/check-ins/{checkin.pk}/edit/", {"meter": "anxious", "feelings": ["calm", "grateful"],
                                                 "day": checkin.day.isoformat()})
    checkin.refresh_from_db()
    assert (checkin.mood, checkin.energy, checkin.feelings) == (2, 4, ["anxious", "grateful"])


def test_an_old_check_in_without_a_word_opens_on_the_five_point_scale(client_for, user):
    checkin = services.record_checkin(owner=user, mood=3, energy=3, feelings=["calm"]).value
    form = CheckInForm(initial={"mood": 3, "energy": 3, "meter": None})
    assert form.five_point_open()
    page = client_for(user).get(f"/check-ins/{checkin.pk}/edit/").content.decode()
    assert '<details class="field" open>\n    <summary>Or choose mood and energy on their own' in page
    assert '<input type="radio" name="meter" value="calm" id="id_meter_11" checked>' not in page  # calm is 4/2, not 3/3


def test_trends_and_signs_still_read_mood_from_meter_check_ins(client_for, user):
    today = today_for(user)
    for back in range(7, 35):
        services.record_checkin(owner=user, mood=4, energy=3, day=today - timedelta(days=back))
    client = client_for(user)
    for back in range(5):
        client.post("/check-ins/new/", {"meter": "hopeless" if back % 2 else "sad", "stress": "8", "sleep_hours": "5",
                                        "day": (today - timedelta(days=back)).isoformat()})
    trend = selectors.trend_for(owner=user, days=7)
    assert [point.mood for point in trend["points"]][-5:] == [2, 1, 2, 1, 2]  # sad, hopeless, … (oldest first)
    assert trend["averages"]["energy"] is not None
    measures = {measure["key"]: measure for measure in trend["measures"]}
    assert measures["stress"]["average"] == 8 and measures["sleep_hours"]["days"] == 5 and measures["energy"]["chart"]
    services.look_for_signs(owner=user)  # what the worker does after each check-in
    assert SignNudge.objects.filter(owner=user, rule="mood_below_baseline").exists()


def test_quick_check_in_from_home_then_add_more_edits_the_same_one(client_for, user):
    client = client_for(user)
    home = client.get("/").content.decode()
    assert 'action="/check-ins/quick/"' in home and home.count('name="meter"') == 12
    assert 'href="#quick-checkin-start"' not in home  # the skip link and Get help now stay the first stops
    response = client.post("/check-ins/quick/", {"meter": "joyful"})
    assert response.status_code == 302 and response["Location"] == "/"
    checkin = CheckIn.objects.get(owner=user)
    assert (checkin.mood, checkin.energy, checkin.feelings, checkin.day) == (5, 4, ["joyful"], today_for(user))
    home = client.get("/").content.decode()
    assert "Checked in: Joyful" in home and "You checked in today" in home
    assert f'href="/check-ins/{checkin.pk}/edit/"' in home and 'action="/check-ins/quick/"' not in home
    # "Add more" is the full form on the same check-in, with the word kept.
    client.post(f"/check-ins/{checkin.pk}/edit/", {"meter": "joyful", "sleep_hours": "7.5", "tags": ["friends"],
                                                 "day": checkin.day.isoformat()})
    checkin.refresh_from_db()
    assert CheckIn.objects.filter(owner=user).count() == 1
    assert (checkin.mood, checkin.feelings, str(checkin.sleep_hours), checkin.tags) == (5, ["joyful"], "7.5", ["friends"])


def test_a_quick_check_in_is_a_post_with_a_known_word(client_for, user):
    client = client_for(user)
    assert client.get("/check-ins/quick/").status_code == 405
    response = client.post("/check-ins/quick/", {"meter": "ecstatic"})
    assert response.status_code == 400 and "mood meter" in response.content.decode()
    assert client.post("/check-ins/quick/", {}).status_code == 400
    assert not CheckIn.objects.exists()


def test_today_is_the_persons_own_day():
    far_east = UserFactory(time_zone="Pacific/Kiritimati")
    services.quick_checkin(owner=far_east, meter="calm")
    assert selectors.todays_checkin(owner=far_east).day == today_for(far_east)
    assert selectors.todays_checkin(owner=UserFactory()) is None


def test_the_trends_page_charts_sleep_stress_and_energy_with_text(client_for, user):
    services.record_checkin(owner=user, mood=3, stress=6, sleep_hours=7, energy=2)
    page = client_for(user).get("/check-ins/trends/?days=7").content.decode()
    for title in ("Hours slept from", "Stress from", "Energy from"):
        assert title in page
    assert 'aria-labelledby="chart-stress-title chart-stress-desc"' in page
    assert "Average 6.0 out of 10" in page and "Average 7.0 hours a night" in page
