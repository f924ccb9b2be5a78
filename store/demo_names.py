"""Invented people for the demo school: first names and surnames by family language.

Names are drawn at random and combined, so no row is a real person. Each language's list is
short on purpose: enough for a school to look like a school, not a name database.
"""

from __future__ import annotations

# language -> (first names, surnames, weight in the school's families)
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], int]] = {
    "en": (("Amy", "Ben", "Chloe", "Daniel", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack",
            "Katie", "Leo", "Maisie", "Noah", "Olivia", "Reuben", "Sophie", "Toby", "Zara",
            "Alfie", "Poppy", "George", "Freya", "Oscar", "Evie", "Archie", "Ruby", "Theo"),
           ("Ashworth", "Bramley", "Carrow", "Dunmore", "Ellison", "Fairbank", "Greaves",
            "Holloway", "Ingram", "Kettering", "Lowther", "Marlow", "Norcott", "Pendleton",
            "Quarry", "Redfern", "Stannard", "Thackeray", "Underwood", "Whitcombe", "Yardley"),
           55),
    "pl": (("Zofia", "Jakub", "Maja", "Kacper", "Lena", "Szymon", "Hanna", "Filip", "Julia",
            "Antoni"),
           ("Kowalczyk", "Wiśniewska", "Zielinski", "Nowicki", "Mazur", "Krawczyk", "Dudek"), 7),
    "ro": (("Andrei", "Ioana", "Mihai", "Elena", "Stefan", "Daria", "Luca", "Bianca"),
           ("Popescu", "Ionescu", "Dumitru", "Stan", "Munteanu", "Ciobanu"), 6),
    "ur": (("Ayesha", "Hamza", "Zainab", "Bilal", "Maryam", "Usman", "Hira", "Saad"),
           ("Qureshi", "Malik", "Chaudhry", "Siddiqui", "Butt", "Mirza"), 6),
    "ar": (("Layla", "Omar", "Noor", "Yusuf", "Amira", "Karim", "Salma", "Tariq"),
           ("Haddad", "Mansour", "Saleh", "Nasser", "Khalil", "Darwish"), 5),
    "cy": (("Cerys", "Dafydd", "Elin", "Gethin", "Nia", "Rhys", "Seren", "Osian"),
           ("Pritchard", "Llywelyn", "Bowen", "Howells", "Pugh", "Vaughan"), 3),
    "es": (("Lucía", "Mateo", "Sofía", "Hugo", "Valeria", "Diego", "Carmen", "Pablo"),
           ("García", "Moreno", "Navarro", "Romero", "Castillo", "Vidal"), 3),
    "pt": (("Beatriz", "Tiago", "Inês", "Rodrigo", "Mariana", "Duarte", "Leonor", "Gonçalo"),
           ("Ferreira", "Carvalho", "Teixeira", "Moura", "Pinto", "Lopes"), 3),
    "so": (("Hodan", "Abdi", "Ifrah", "Mahad", "Sagal", "Yonis", "Ayaan", "Liban"),
           ("Farah", "Warsame", "Hirsi", "Jama", "Osman", "Egal"), 3),
    "bn": (("Tahmina", "Rahim", "Nusrat", "Arif", "Sadia", "Imran", "Farzana", "Rafiq"),
           ("Uddin", "Begum", "Miah", "Rahman", "Chowdhury", "Islam"), 4),
    "pa": (("Harpreet", "Gurdeep", "Simran", "Jaspreet", "Manveer", "Amrit", "Navjot", "Kiran"),
           ("Sandhu", "Gill", "Dhillon", "Grewal", "Sidhu", "Bains"), 3),
    "lt": (("Gabija", "Lukas", "Ieva", "Matas", "Emilija", "Dovydas", "Austėja", "Jokūbas"),
           ("Kazlauskas", "Petrauskaitė", "Jankauskas", "Žukauskas", "Vasiliauskas"), 2),
}

CARER_RELATIONSHIPS = ("mother", "father", "carer", "grandparent")

STAFF = (
    ("Morgan Hale", "morgan.hale@example.org", "admin"),
    ("Priya Castell", "priya.castell@example.org", "officer"),
    ("Dana Whitlow", "dana.whitlow@example.org", "dsl"),
)
