"""Language-independent name data: words that make a capitalised sequence something other
than a person (a place, an outlet, an institution, a product, an event, a date), and the
particles that may stand inside a person's name. French and English articles name the same
outlets and places, so one list serves both.
"""

from __future__ import annotations

# A capitalised sequence holding one of these is a place, title, institution or event.
# fmt: off
NOT_PERSON = frozenset(

    [
    "Act", "Agence", "Agency", "Agreement", "AI", "Airport", "Amazon", "America", "American", "Android",
    "Apple", "April", "Area", "Assemblée", "Association", "August", "Avenue", "Awards", "Axios", "Azure",
    "Bank", "Banque", "Bay", "Beijing", "Bill", "Bing", "Bloomberg", "Board", "Brussels", "Bruxelles",
    "Business", "Businessweek", "California", "Californie", "Capital", "Center", "Centre", "ChatGPT",
    "Circuit", "City", "Claude", "Cloud", "Club", "College", "Comité", "Commission", "Committee",
    "Conference", "Congress", "Conseil", "Copilot", "Corp", "Council", "County", "Cour", "Court", "Cup",
    "Daily", "Davos", "December", "Delhi", "Department", "Dimanche", "District", "Echos", "Europe", "Expo",
    "Express", "Facebook", "February", "Federal", "Festival", "Figaro", "Financial", "Finger", "Fondation",
    "Fonds", "Forbes", "Fortune", "Forum", "Foundation", "Francisco", "Free", "Friday", "Fund", "Game",
    "Games", "Gemini", "Google", "GPT", "Grok", "Group", "Groupe", "Guardian", "Herald", "Holdings",
    "Honestly", "Hospital", "House", "IA", "Inc", "Insider", "Instagram", "Institut", "Institute", "iPhone",
    "Island", "Islands", "January", "Jeudi", "Journal", "July", "June", "Justice", "Kingdom", "Lab", "Labs",
    "Libération", "LinkedIn", "London", "Londres", "Lundi", "Magazine", "March", "Mardi", "May",
    "Media", "Mercredi", "Meta", "Microsoft", "Mini", "Ministère", "Monday", "Monde", "Museum", "Musée",
    "Nations", "Network", "New", "News", "November", "Nvidia", "Oakland", "October", "Office", "Olympics",
    "OpenAI", "Oracle", "Paris", "Parisien", "Partners", "Party", "Plus", "Podcast", "Post", "Press",
    "Presse", "Pro", "Pékin", "Reddit", "Republic", "Research", "Reuters", "Review", "Road", "Samedi",
    "Saturday", "School", "Securities", "Senate", "September", "Series", "Show", "Silicon", "Society",
    "SoftBank", "Sommet", "SpaceX", "Square", "Stargate", "State", "States", "Station", "Store", "Street",
    "Summit", "Sunday", "Supreme", "Systems", "Sénat", "Technologies", "Technology", "Tesla", "Thrones",
    "Thursday", "TikTok", "Times", "Today", "Tower", "Treaty", "Tribunal", "Tribune", "Tuesday", "TV",
    "Twitter", "Union", "Unis", "University", "Université", "Valley", "Vendredi", "Ventures", "Verge",
    "Vision", "Wall", "Washington", "Wednesday", "Weekly", "Windows", "Wired", "York", "YouTube",
    ]
)
# fmt: on
# Particles inside a person's name ("Ursula von der Leyen", « Charles de Gaulle »).
NAME_PARTICLES = ("de", "van", "von", "der", "da", "del", "di", "le", "la", "bin", "al")
