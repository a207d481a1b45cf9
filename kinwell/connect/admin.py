# Deliberately empty: everything here is people's own words, encrypted, and the admin is
# not a way around the access policy.
