# Deliberately empty: journal entries and goals are private text, and the admin is not a
# way around that. Staff see neither (a test checks the admin has no page for them).
