"""The negotiation room: the negotiation's files opened to its participants in a browser.

    store.py     every read and write of drafts, proposals and room files (one thin seam,
                 to be switched to the Negotiation object and the hardening layer's writer)
    accounts.py  co-facilitators and invited delegations, one-time sign-in tokens (hashed)
    security.py  CSRF tokens, security headers (CSP), the sign-in rate limit
    views.py     what pages show: the draft in UN layout, previews, the compilation
    app.py       the Starlette application: routes, who may do what
"""
