"""The coach's words: every sentence the live session shows or speaks, in one catalogue.

The terminal, the browser and the voice all take their text from here, so a cue reads the same
wherever it appears. The facts come from PROTOCOL.md §1 (set-up) and §2 (gait); the wording is
our own. A `Message` is a catalogue entry with its blanks filled in.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from retrowalk.domain.dose import HandSupport
from retrowalk.domain.units import Speed, SpeedUnit, format_number


class MessageKind(StrEnum):
    """How a message is delivered: form cues are coaching, the rest tell the walker what to do."""

    CHECKLIST = "checklist"
    FORM = "form"
    ANNOUNCEMENT = "announcement"
    PROMPT = "prompt"
    ALERT = "alert"
    PREVIEW = "preview"
    QUESTION = "question"


class Cue(StrEnum):
    # Set-up (PROTOCOL.md §1)
    CHECKLIST_INTRO = "checklist_intro"
    CLIP_ON = "clip_on"
    FACE_AWAY = "face_away"
    BOTH_HANDS = "both_hands"
    SLOWEST_BELT = "slowest_belt"
    CHECKLIST_CONFIRM = "checklist_confirm"
    # Gait and posture (PROTOCOL.md §2)
    REACH_BACK = "reach_back"
    TOES_FIRST = "toes_first"
    ROLL_TO_HEEL = "roll_to_heel"
    KNEE_STRAIGHT = "knee_straight"
    SMOOTH = "smooth"
    THIGH_FIRM = "thigh_firm"
    STAND_TALL = "stand_tall"
    SLOPE_LEAN = "slope_lean"
    GRIP_BOTH = "grip_both"
    GRIP_ONE = "grip_one"
    HANDS_FREE = "hands_free"
    # Announcements
    SET_START = "set_start"
    SET_START_OWN_PACE = "set_start_own_pace"
    SPEED_STEP = "speed_step"
    HALFWAY = "halfway"
    LAST_THIRTY = "last_thirty"
    REST = "rest"
    DONE = "done"
    # The belt, without a connected treadmill
    BELT_START = "belt_start"
    START_WALKING = "start_walking"
    BELT_CHANGE = "belt_change"
    BELT_CHANGE_CONFIRM = "belt_change_confirm"
    BELT_CHANGED = "belt_changed"
    # Controls
    PAUSED = "paused"
    RESUMED = "resumed"
    STOPPED = "stopped"
    SPEED_AT_CEILING = "speed_at_ceiling"
    SPEED_AT_FLOOR = "speed_at_floor"
    NO_BELT_SPEED = "no_belt_speed"
    CHANGE_WHILE_WALKING = "change_while_walking"
    # The same prompts on a touch screen (the live page): tap Go on, no keys
    CHECKLIST_CONFIRM_TAP = "checklist_confirm_tap"
    BELT_START_TAP = "belt_start_tap"
    START_WALKING_TAP = "start_walking_tap"
    BELT_CHANGE_CONFIRM_TAP = "belt_change_confirm_tap"
    PAUSED_TAP = "paused_tap"
    LEFT_PAGE = "left_page"
    ASK_NOTES_TAP = "ask_notes_tap"
    # What comes next
    NEXT_REST = "next_rest"
    NEXT_SET = "next_set"
    NEXT_SPEED_STEP = "next_speed_step"
    NEXT_CHECK_IN = "next_check_in"
    # The check-in
    CHECK_IN = "check_in"
    ASK_STOP_REASON = "ask_stop_reason"
    ASK_GO_ON = "ask_go_on"
    GOING_ON = "going_on"
    ASK_PAIN_DURING = "ask_pain_during"
    ASK_SHARP_PAIN = "ask_sharp_pain"
    ASK_EFFORT = "ask_effort"
    ASK_HANDS_USED = "ask_hands_used"
    ASK_STABLE = "ask_stable"
    ASK_FORM = "ask_form"
    ASK_SWELLING = "ask_swelling"
    ASK_LOCKING = "ask_locking"
    ASK_GIVING_WAY = "ask_giving_way"
    ASK_NOTES = "ask_notes"
    ASK_MORNING = "ask_morning"
    ASK_MORNING_AFTER = "ask_morning_after"
    LOGGED = "logged"
    KEPT_IN_MEMORY = "kept_in_memory"
    NEXT_SESSION = "next_session"


_C, _F, _A, _P, _L, _N, _Q = (
    MessageKind.CHECKLIST,
    MessageKind.FORM,
    MessageKind.ANNOUNCEMENT,
    MessageKind.PROMPT,
    MessageKind.ALERT,
    MessageKind.PREVIEW,
    MessageKind.QUESTION,
)

CATALOGUE: dict[Cue, tuple[MessageKind, str]] = {
    Cue.CHECKLIST_INTRO: (_C, "Before the belt moves:"),
    Cue.CLIP_ON: (_C, "Clip the safety key to your clothing."),
    Cue.FACE_AWAY: (_C, "Turn so the console is behind you and you face the end of the belt."),
    Cue.BOTH_HANDS: (_C, "Rest both hands on the side rails."),
    Cue.SLOWEST_BELT: (_C, "Set the belt to its slowest, {speed}, with the incline at zero."),
    Cue.CHECKLIST_CONFIRM: (_P, "When all of that is done, press Enter."),
    Cue.REACH_BACK: (_F, "Reach back with a soft, slightly bent knee."),
    Cue.TOES_FIRST: (_F, "Let your toes meet the belt first."),
    Cue.ROLL_TO_HEEL: (_F, "Roll from the ball of the foot down onto the heel."),
    Cue.KNEE_STRAIGHT: (_F, "As the heel settles, let that knee go fully straight."),
    Cue.SMOOTH: (_F, "Keep every step even and unhurried."),
    Cue.THIGH_FIRM: (_F, "Tighten the front of the thigh as the knee straightens."),
    Cue.STAND_TALL: (_F, "Chest up, chin level, eyes on one spot ahead, not on your feet."),
    Cue.SLOPE_LEAN: (_F, "On the slope a small forward lean is fine; back straight, belly firm."),
    Cue.GRIP_BOTH: (_F, "Hold the rails lightly: they steady you, they do not carry you."),
    Cue.GRIP_ONE: (_F, "One hand on a rail; let the other arm hang loose."),
    Cue.HANDS_FREE: (_F, "Arms relaxed; a rail is there the moment you want it."),
    Cue.SET_START: (_A, "Set {number} of {count}: {minutes} at {speed}, {hands}."),
    Cue.SET_START_OWN_PACE: (_A, "Set {number} of {count}: {minutes} at your own pace, {hands}."),
    Cue.SPEED_STEP: (_A, "Step up time: from {old} to {new}, today's new speed."),
    Cue.HALFWAY: (_A, "Halfway through this set."),
    Cue.LAST_THIRTY: (_A, "Thirty seconds left in this set."),
    Cue.REST: (_A, "Set {number} done. Stop the belt and rest for {rest}."),
    Cue.DONE: (_A, "Session complete: {walked} walked. Stop the belt and step off with care."),
    Cue.BELT_START: (_P, "Start the belt at {setting}, then press Enter once you are walking."),
    Cue.START_WALKING: (_P, "Press Enter once you are walking."),
    Cue.BELT_CHANGE: (_P, "Change the belt to {setting}."),
    Cue.BELT_CHANGE_CONFIRM: (_P, "Change the belt to {setting}, then press Enter."),
    Cue.BELT_CHANGED: (_A, "The belt is going to {setting}."),
    Cue.PAUSED: (
        _L,
        "Paused. Stop the belt or step onto the side platforms. Press space when you walk again.",
    ),
    Cue.RESUMED: (_A, "Walking again."),
    Cue.STOPPED: (_L, "Stopping now. Stop the belt, or pull the safety key."),
    Cue.SPEED_AT_CEILING: (_L, "{speed} is the top speed for today."),
    Cue.SPEED_AT_FLOOR: (_L, "{speed} is as slow as this belt goes."),
    Cue.NO_BELT_SPEED: (_L, "This walk has no belt speed to change."),
    Cue.CHANGE_WHILE_WALKING: (_L, "Change the speed while you are walking a set."),
    Cue.CHECKLIST_CONFIRM_TAP: (_P, "When all of that is done, tap Go on."),
    Cue.BELT_START_TAP: (_P, "Start the belt at {setting}, then tap Go on once you are walking."),
    Cue.START_WALKING_TAP: (_P, "Tap Go on once you are walking."),
    Cue.BELT_CHANGE_CONFIRM_TAP: (_P, "Change the belt to {setting}, then tap Go on."),
    Cue.PAUSED_TAP: (
        _L,
        "Paused. Stop the belt or step onto the side platforms. Tap Go on when you walk again.",
    ),
    Cue.LEFT_PAGE: (
        _L,
        "The walk stopped because this page was closed or hidden; the belt was told to stop.",
    ),
    Cue.ASK_NOTES_TAP: (_Q, "Anything to note for next time? You may leave this empty."),
    Cue.NEXT_REST: (_N, "Next: rest {rest}, then set {number} of {count}."),
    Cue.NEXT_SET: (_N, "Next: set {number} of {count}, {minutes}."),
    Cue.NEXT_SPEED_STEP: (_N, "Next: step up to {speed}."),
    Cue.NEXT_CHECK_IN: (_N, "Next: a few questions about how it went."),
    Cue.CHECK_IN: (_A, "A few quick questions about how it went."),
    Cue.ASK_STOP_REASON: (
        _Q,
        "Why did you stop: pain, balance, tired, interrupted, or pressed by mistake?",
    ),
    Cue.ASK_GO_ON: (_Q, "Go on with this session from where you stopped? yes, or no to end here."),
    Cue.GOING_ON: (_A, "Going on from where you stopped. Take your time getting set again."),
    Cue.ASK_PAIN_DURING: (_Q, "How much did the knee hurt while you walked? 0 none, 10 worst."),
    Cue.ASK_SHARP_PAIN: (_Q, "Any sharp, sudden pain in the knee? yes or no."),
    Cue.ASK_EFFORT: (_Q, "How hard did it feel? 0 resting, 10 all you have."),
    Cue.ASK_HANDS_USED: (_Q, "Which hand support did you use: both, one or none?"),
    Cue.ASK_STABLE: (_Q, "Did you feel steady enough to let go of the rails? yes or no."),
    Cue.ASK_FORM: (_Q, "Did your steps keep to the cues all through? yes or no."),
    Cue.ASK_SWELLING: (_Q, "Is the knee swollen now? yes or no."),
    Cue.ASK_LOCKING: (_Q, "Did the knee lock or catch, so it would not move? yes or no."),
    Cue.ASK_GIVING_WAY: (_Q, "Did the knee give way under you? yes or no."),
    Cue.ASK_NOTES: (_Q, "Anything to note for next time? Enter to skip."),
    Cue.ASK_MORNING: (
        _Q,
        "How is the knee this morning, after yesterday's walk? 0 none, 10 worst.",
    ),
    Cue.ASK_MORNING_AFTER: (
        _Q,
        "How was the knee the morning after your walk of {date}? 0 none, 10 worst.",
    ),
    Cue.LOGGED: (_A, "Saved. {summary}"),
    Cue.KEPT_IN_MEMORY: (_N, "{walked} of {planned} walked; kept for this run only."),
    Cue.NEXT_SESSION: (_N, "Next session, {date}: {reasons}"),
}

# The gait cues every walk rotates through, in this order (PROTOCOL.md §2).
GAIT_CUES = (
    Cue.REACH_BACK,
    Cue.TOES_FIRST,
    Cue.ROLL_TO_HEEL,
    Cue.KNEE_STRAIGHT,
    Cue.STAND_TALL,
    Cue.THIGH_FIRM,
    Cue.SMOOTH,
)
GRIP_CUE = {
    HandSupport.BOTH: Cue.GRIP_BOTH,
    HandSupport.ONE: Cue.GRIP_ONE,
    HandSupport.NONE: Cue.HANDS_FREE,
}


@dataclass(frozen=True, slots=True)
class Message:
    cue: Cue
    text: str

    @property
    def kind(self) -> MessageKind:
        return CATALOGUE[self.cue][0]


def say(cue: Cue, **blanks: str) -> Message:
    """The catalogue's sentence for `cue` with its blanks filled in."""
    return Message(cue, CATALOGUE[cue][1].format(**blanks))


def form_cues(hands: HandSupport, on_a_slope: bool) -> tuple[Cue, ...]:
    """The form cues for a walk: the gait cues, the grip for today's hands, the lean on a slope."""
    extra = (GRIP_CUE[hands], Cue.SLOPE_LEAN) if on_a_slope else (GRIP_CUE[hands],)
    return (*GAIT_CUES[:4], extra[0], *GAIT_CUES[4:], *extra[1:])


def setup_checklist(slowest_belt: str | None) -> tuple[Message, ...]:
    """The set-up before the belt moves (PROTOCOL.md §1), after `Cue.CHECKLIST_INTRO`: facing
    away and both hands on the rails; on a motorized treadmill (`slowest_belt`, its slowest
    setting in words) the safety key first and the belt at its slowest last."""
    items = (say(Cue.FACE_AWAY), say(Cue.BOTH_HANDS))
    if slowest_belt is None:
        return items
    return (say(Cue.CLIP_ON), *items, say(Cue.SLOWEST_BELT, speed=slowest_belt))


def sets_words(sets: tuple[float, ...] | list[float], rest_minutes: float) -> str:
    """'one set', or '2 sets: 5 minutes and 5 minutes, 1 minute rest between'."""
    if len(sets) <= 1:
        return "one set"
    each = " and ".join(duration_words(minutes) for minutes in sets)
    return f"{len(sets)} sets: {each}, {duration_words(rest_minutes)} rest between"


def duration_words(minutes: float) -> str:
    """'1 minute', '5 minutes', '2.5 minutes', '45 seconds'."""
    if minutes < 1:
        return f"{format_number(minutes * 60, 0)} seconds"
    return "1 minute" if minutes == 1 else f"{format_number(minutes, 2)} minutes"


def belt_words(speed: Speed, unit: SpeedUnit, incline_percent: float) -> str:
    """'0.6 mph' or '1.2 mph at 2 % incline', in the walker's own unit."""
    shown = speed.describe(unit)
    if incline_percent > 0:
        return f"{shown} at {format_number(incline_percent)} % incline"
    return shown
