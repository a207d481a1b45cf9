from django import forms
from django.utils.translation import gettext_lazy as _

from kinwell.core.text import NameField
from kinwell.library import services
from kinwell.library.models import Reply


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), max_length=100, required=False,
                        help_text=_("A few words, like “anxiety” or “therapy cost”."))
    tag = forms.CharField(max_length=60, required=False, widget=forms.HiddenInput)


class ReplyForm(forms.Form):
    screened_by = (services.post_reply,)

    text = forms.CharField(
        label=_("Your reply"),
        max_length=Reply.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. You can use *italics*, **bold**, lists and [links](https://…). Links from new accounts wait for a moderator."),
    )
    display_name = NameField(
        label=_("Name shown with your reply"), max_length=60, required=False,
        help_text=_("Any name you like; it does not have to be your real one."),
    )
    anonymous = forms.BooleanField(
        label=_("Post anonymously"), required=False,
        help_text=_("Others see “Anonymous”. Moderators can still see which account wrote it."),
    )

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your reply first."))
        return text
