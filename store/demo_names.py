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

# The university demo's faculty and the college demo's departments: (course code, course name,
# department, modules by year of study). Invented module codes; titles as UK prospectuses
# write them.
UNIVERSITY = "Kestrel Vale University"
FACULTY = "Faculty of Business and Social Sciences"
UNIVERSITY_COURSES: tuple[tuple[str, str, str, tuple[tuple[tuple[str, str], ...], ...]], ...] = (
    ("EC", "BSc Economics", "School of Economics", (
        (("EC1010", "Principles of Economics"), ("EC1020", "Mathematics for Economists"),
         ("EC1030", "Economic History"), ("EC1040", "Introductory Statistics")),
        (("EC2010", "Econometrics"), ("EC2020", "Intermediate Microeconomics"),
         ("EC2030", "Intermediate Macroeconomics"), ("EC2040", "Public Economics")),
        (("EC3010", "Development Economics"), ("EC3020", "Labour Economics"),
         ("EC3030", "Behavioural Economics"), ("EC3090", "Dissertation Seminar")))),
    ("AF", "BSc Accounting and Finance", "Business School", (
        (("AF1010", "Financial Accounting"), ("AF1020", "Management Accounting"),
         ("AF1030", "Business Law"), ("AF1040", "Quantitative Methods")),
        (("AF2010", "Corporate Finance"), ("AF2020", "Auditing"),
         ("AF2030", "Taxation"), ("AF2040", "Financial Reporting")),
        (("AF3010", "Investment Analysis"), ("AF3020", "Risk Management"),
         ("AF3030", "Advanced Audit"), ("AF3090", "Research Project")))),
    ("PO", "BA Politics and International Relations", "School of Politics", (
        (("PO1010", "Introduction to Politics"), ("PO1020", "World Politics"),
         ("PO1030", "Political Thought"), ("PO1040", "British Government")),
        (("PO2010", "Comparative Politics"), ("PO2020", "Research Methods"),
         ("PO2030", "Security Studies"), ("PO2040", "European Union Politics")),
        (("PO3010", "Conflict and Peace"), ("PO3020", "Global Governance"),
         ("PO3030", "Political Economy"), ("PO3090", "Dissertation Seminar")))),
    ("PS", "BSc Psychology", "School of Psychology", (
        (("PS1010", "Foundations of Psychology"), ("PS1020", "Research Methods I"),
         ("PS1030", "Developmental Psychology"), ("PS1040", "Biological Psychology")),
        (("PS2010", "Cognitive Psychology"), ("PS2020", "Research Methods II"),
         ("PS2030", "Social Psychology"), ("PS2040", "Individual Differences")),
        (("PS3010", "Clinical Psychology"), ("PS3020", "Neuropsychology"),
         ("PS3030", "Health Psychology"), ("PS3090", "Empirical Project")))),
    ("SO", "BA Sociology", "School of Social Sciences", (
        (("SO1010", "Sociological Imagination"), ("SO1020", "Social Inequalities"),
         ("SO1030", "Classical Social Theory"), ("SO1040", "Data and Society")),
        (("SO2010", "Contemporary Social Theory"), ("SO2020", "Qualitative Methods"),
         ("SO2030", "Migration and Belonging"), ("SO2040", "Crime and Society")),
        (("SO3010", "Sociology of Health"), ("SO3020", "Digital Cultures"),
         ("SO3030", "Work and Employment"), ("SO3090", "Dissertation Seminar")))),
)

COLLEGE = "Kestrel Vale College"
COLLEGE_FACULTY = "Kestrel Vale College, Sixth Form and Vocational"
COLLEGE_COURSES: tuple[tuple[str, str, str, tuple[tuple[tuple[str, str], ...], ...]], ...] = (
    ("AL", "A Level Sciences", "Sixth Form Centre", (
        (("ALBIO1", "A Level Biology"), ("ALCHE1", "A Level Chemistry"),
         ("ALMAT1", "A Level Mathematics"), ("ALEPQ1", "Tutorial and Study Skills")),
        (("ALBIO2", "A Level Biology"), ("ALCHE2", "A Level Chemistry"),
         ("ALMAT2", "A Level Mathematics"), ("ALEPQ2", "Extended Project")))),
    ("BT", "BTEC Level 3 Business", "Business and Enterprise", (
        (("BTBUS1", "Exploring Business"), ("BTFIN1", "Personal and Business Finance"),
         ("BTMKT1", "Developing a Marketing Campaign"), ("BTENG1", "English GCSE Resit")),
        (("BTBUS2", "Managing an Event"), ("BTINT2", "International Business"),
         ("BTHRM2", "Recruitment and Selection"), ("BTMAT2", "Maths GCSE Resit")))),
    ("TD", "T Level Digital Production, Design and Development", "Digital and Computing", (
        (("TDCOR1", "Digital Core"), ("TDPRG1", "Programming"),
         ("TDDAT1", "Data and Digital Analysis"), ("TDEMP1", "Employability")),
        (("TDOSP2", "Occupational Specialism"), ("TDPRJ2", "Employer Set Project"),
         ("TDSEC2", "Security"), ("TDIND2", "Industry Placement Review")))),
    ("HS", "Health and Social Care Level 3", "Health, Care and Early Years", (
        (("HSHUM1", "Human Lifespan Development"), ("HSWKP1", "Working in Health and Social "
                                                             "Care"),
         ("HSANP1", "Anatomy and Physiology"), ("HSMTH1", "Maths GCSE Resit")),
        (("HSRES2", "Meeting Individual Care Needs"), ("HSPSY2", "Psychological "
                                                                  "Perspectives"),
         ("HSSUP2", "Supporting Individuals"), ("HSPLC2", "Placement Review")))),
    ("EN", "Engineering Technician Apprenticeship (Level 3)", "Engineering and Construction", (
        (("ENMTH1", "Engineering Maths"), ("ENPRI1", "Engineering Principles"),
         ("ENCAD1", "Computer Aided Design"), ("ENWKS1", "Workshop Practice")),
        (("ENELC2", "Electrical Systems"), ("ENMFG2", "Manufacturing Processes"),
         ("ENPRJ2", "Work-Based Project"), ("ENREV2", "Progress Review")))),
)
APPRENTICESHIPS = ("EN",)  # courses whose students have an employer contact
EMPLOYERS = ("Harbour Lane Engineering Ltd", "Ferncliffe Precision Components",
             "Marlow & Dunmore Fabrication", "Kestrel Vale Rail Depot")

# Staff of the institution demos beyond its tutors: (name, email, role).
INSTITUTION_STAFF = (
    ("Morgan Hale", "morgan.hale@example.org", "admin"),
    ("Priya Castell", "priya.castell@example.org", "engagement"),
    ("Jonah Ferris", "jonah.ferris@example.org", "compliance"),
    ("Dana Whitlow", "dana.whitlow@example.org", "dsl"),
)
TUTOR_TITLES = ("Dr", "Dr", "Dr", "Prof", "Mr", "Ms")
