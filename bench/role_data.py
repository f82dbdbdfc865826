"""Word lists the role generator draws from: job families, places, pay and shared text.

Each family holds what varies between kinds of work (titles, skills, duties); the
rest is shared. Every entry is short on purpose: the generator combines them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    """One kind of work: its titles, vocabulary and typical pay."""

    name: str
    department: str
    code: str
    titles: tuple[str, ...]
    tags: tuple[str, ...]
    hard: tuple[str, ...]
    duties: tuple[str, ...]
    """Whole duties, verb first, without a final full stop."""
    aims: tuple[str, ...]
    degrees: tuple[str, ...]
    certificates: tuple[str, ...]
    leads_from: tuple[str, ...]
    leads_to: tuple[str, ...]
    salary: tuple[int, int]
    """Typical yearly pay in US dollars, low and high."""


FAMILIES: tuple[Family, ...] = (
    Family(
        name="nursing",
        department="Clinical Services",
        code="29-1141.00",
        titles=(
            "Registered Nurse",
            "Licensed Practical Nurse",
            "Charge Nurse",
            "Nurse Case Manager",
            "Home Health Nurse",
            "Clinic Nurse",
            "Wound Care Nurse",
            "Triage Nurse",
        ),
        tags=("Healthcare", "Nursing", "Patient Care", "Clinical"),
        hard=(
            "Patient Assessment",
            "Medication Administration",
            "IV Therapy",
            "Wound Care",
            "Electronic Health Records",
            "Care Planning",
            "Infection Control",
            "Basic Life Support",
            "Patient Education",
            "Vital Signs Monitoring",
            "Discharge Planning",
            "Triage",
        ),
        duties=(
            "Assess patient conditions at the start of each shift",
            "Administer medications and treatments as ordered",
            "Coordinate care plans with physicians and therapists",
            "Report changes in a patient's condition to the provider on call",
            "Explain discharge instructions to patients and families",
            "Clean and dress wounds and record how they heal",
            "Follow and teach infection prevention practices on the unit",
            "Make intake and follow-up calls to patients",
            "Document assessments and care in the electronic health record",
            "Check and restock emergency equipment",
        ),
        aims=(
            "so that every patient receives safe, timely care",
            "to keep the care team informed",
            "in line with clinic policy and state regulations",
            "to prevent avoidable readmissions",
            "so that families know what to expect at home",
        ),
        degrees=("Associate Degree in Nursing", "Bachelor of Science in Nursing"),
        certificates=(
            "Active state RN license",
            "Basic Life Support (BLS) certification",
            "Advanced Cardiac Life Support (ACLS) certification",
        ),
        leads_from=("Certified Nursing Assistant", "Patient Care Technician", "Nursing Student"),
        leads_to=("Charge Nurse", "Nurse Manager", "Clinical Nurse Specialist", "Nurse Educator"),
        salary=(62000, 118000),
    ),
    Family(
        name="software",
        department="Engineering",
        code="15-1252.00",
        titles=(
            "Software Engineer",
            "Backend Developer",
            "Frontend Developer",
            "Site Reliability Engineer",
            "Data Engineer",
            "Mobile Developer",
            "QA Automation Engineer",
            "Platform Engineer",
        ),
        tags=("Technology", "Software", "Engineering"),
        hard=(
            "Python",
            "TypeScript",
            "Go",
            "SQL",
            "PostgreSQL",
            "Kubernetes",
            "Terraform",
            "Automated Testing",
            "Code Review",
            "REST API Design",
            "Observability",
            "Git",
            "Linux Administration",
            "Continuous Integration",
        ),
        duties=(
            "Design services that schedule clinic appointments",
            "Build and run the data pipelines behind our reports",
            "Review pull requests from teammates",
            "Maintain deployment scripts and infrastructure code",
            "Set up dashboards and alerts for production systems",
            "Document the public API and keep its examples working",
            "Write automated tests for new and existing features",
            "Plan database schema changes and migrations",
            "Take part in a shared on-call rotation",
            "Investigate incidents and write blameless reviews",
        ),
        aims=(
            "so that releases are safe and frequent",
            "to keep response times low",
            "with security and privacy in mind",
            "so that the on-call rotation stays calm",
            "together with product managers and designers",
        ),
        degrees=(
            "Bachelor's degree in Computer Science or a related field",
            "Equivalent practical experience",
        ),
        certificates=("Cloud practitioner certification", "Kubernetes administrator certification"),
        leads_from=("Software Engineering Intern", "QA Analyst", "IT Support Specialist"),
        leads_to=("Senior Software Engineer", "Staff Engineer", "Engineering Manager"),
        salary=(85000, 190000),
    ),
    Family(
        name="sales",
        department="Sales",
        code="41-4012.00",
        titles=(
            "Sales Development Representative",
            "Account Executive",
            "Account Manager",
            "Inside Sales Representative",
            "Territory Sales Manager",
            "Customer Success Manager",
        ),
        tags=("Sales", "Business Development", "Customer Relationships"),
        hard=(
            "CRM Software",
            "Prospecting",
            "Discovery Calls",
            "Pipeline Management",
            "Negotiation",
            "Product Demonstrations",
            "Forecasting",
            "Contract Renewals",
            "Cold Outreach",
            "Sales Presentations",
        ),
        duties=(
            "Research new accounts in your territory",
            "Contact inbound leads within one business day",
            "Prepare proposals and quotes for prospective customers",
            "Keep opportunities up to date in the CRM",
            "Negotiate renewal terms with existing customers",
            "Prepare monthly forecasts for your manager",
            "Give product demonstrations tailored to each buyer",
            "Pass feedback from customers to the product team",
            "Visit key customers in person each quarter",
        ),
        aims=(
            "to meet quarterly targets",
            "so that no promising lead goes cold",
            "with honesty about what our products can and cannot do",
            "to build lasting relationships",
            "in close partnership with marketing",
        ),
        degrees=("Bachelor's degree in business or a related field", "High school diploma or equivalent"),
        certificates=("A valid driver's license for territory travel",),
        leads_from=("Customer Service Representative", "Retail Sales Associate", "Marketing Coordinator"),
        leads_to=("Senior Account Executive", "Sales Manager", "Director of Sales"),
        salary=(48000, 135000),
    ),
    Family(
        name="logistics",
        department="Distribution Operations",
        code="53-7062.00",
        titles=(
            "Warehouse Associate",
            "Forklift Operator",
            "Shipping and Receiving Clerk",
            "Inventory Control Specialist",
            "Delivery Driver",
            "Logistics Coordinator",
        ),
        tags=("Logistics", "Warehouse", "Distribution"),
        hard=(
            "Forklift Operation",
            "Pallet Jack Operation",
            "Inventory Counting",
            "Handheld Scanners",
            "Warehouse Management Systems",
            "Shipping Documentation",
            "Load Planning",
            "Safety Procedures",
            "Route Planning",
        ),
        duties=(
            "Unload incoming deliveries and check them against the packing list",
            "Pick orders with a handheld scanner",
            "Pack and label temperature-sensitive supplies",
            "Load pallets onto outbound trucks in route order",
            "Count stock during weekly cycle counts",
            "Report damaged goods and shortages",
            "Prepare bills of lading and delivery receipts",
            "Keep aisles, docks and work areas clear",
            "Put stock away in the right location",
        ),
        aims=(
            "so that orders leave on time",
            "following our safety rules every time",
            "to keep inventory records accurate",
            "so that drivers can unload quickly",
            "with care for fragile and medical items",
        ),
        degrees=("No diploma or degree required", "High school diploma or equivalent"),
        certificates=(
            "Forklift operator certification (we can provide it)",
            "Commercial driver's license (Class B)",
        ),
        leads_from=("Retail Stock Associate", "Delivery Helper", "First job, no experience needed"),
        leads_to=("Senior Warehouse Associate", "Shift Supervisor", "Warehouse Operations Manager"),
        salary=(36000, 62000),
    ),
    Family(
        name="education",
        department="Learning and Development",
        code="25-2021.00",
        titles=(
            "Elementary School Teacher",
            "Special Education Teacher",
            "Instructional Designer",
            "Training Specialist",
            "Teaching Assistant",
            "Curriculum Coordinator",
        ),
        tags=("Education", "Teaching", "Training"),
        hard=(
            "Lesson Planning",
            "Classroom Management",
            "Differentiated Instruction",
            "Learning Management Systems",
            "Assessment Design",
            "Individualized Education Programs",
            "E-learning Authoring Tools",
            "Progress Monitoring",
        ),
        duties=(
            "Plan lessons that meet the curriculum standards",
            "Lead small-group and whole-class activities",
            "Check student progress with short, regular assessments",
            "Adapt materials for learners with different needs",
            "Talk with parents and guardians about progress",
            "Design online courses for new employees",
            "Evaluate training sessions and their outcomes",
            "Plan units with colleagues in shared planning time",
            "Supervise students at breaks and on field trips",
        ),
        aims=(
            "so that every learner can take part",
            "to build confidence and independence",
            "in a safe and welcoming classroom",
            "using evidence about what works",
            "with clear goals for each term",
        ),
        degrees=("Bachelor's degree in Education", "Master's degree in Instructional Design"),
        certificates=("State teaching license", "Special education endorsement"),
        leads_from=("Teaching Assistant", "Substitute Teacher", "Youth Program Leader"),
        leads_to=("Lead Teacher", "Curriculum Coordinator", "Assistant Principal"),
        salary=(42000, 88000),
    ),
    Family(
        name="finance",
        department="Finance",
        code="13-2011.00",
        titles=(
            "Staff Accountant",
            "Accounts Payable Specialist",
            "Financial Analyst",
            "Payroll Specialist",
            "Billing Coordinator",
            "Internal Auditor",
        ),
        tags=("Finance", "Accounting"),
        hard=(
            "General Ledger",
            "Account Reconciliation",
            "Excel",
            "Financial Reporting",
            "Payroll Systems",
            "Budgeting",
            "Accounts Payable",
            "Audit Preparation",
            "ERP Systems",
            "Tax Compliance",
        ),
        duties=(
            "Reconcile bank and credit card accounts each month",
            "Prepare journal entries for month-end close",
            "Process vendor invoices and payments",
            "Explain variances between budget and actual spending",
            "Run payroll for hourly and salaried staff",
            "Track fixed assets and depreciation",
            "Forecast cash flow for the next two quarters",
            "Review expense reports against policy",
            "Answer auditors' requests with clear records",
        ),
        aims=(
            "so that the books close on schedule",
            "in line with generally accepted accounting principles",
            "to give managers figures they can trust",
            "with careful controls and clear records",
            "ahead of the annual external audit",
        ),
        degrees=("Bachelor's degree in Accounting or Finance",),
        certificates=(
            "Certified Public Accountant (CPA) or progress toward it",
            "Certified Payroll Professional",
        ),
        leads_from=("Accounting Clerk", "Bookkeeper", "Finance Intern"),
        leads_to=("Senior Accountant", "Controller", "Finance Manager"),
        salary=(52000, 120000),
    ),
    Family(
        name="hospitality",
        department="Guest Services",
        code="35-2014.00",
        titles=(
            "Line Cook",
            "Front Desk Agent",
            "Housekeeping Supervisor",
            "Restaurant Server",
            "Event Coordinator",
            "Kitchen Manager",
        ),
        tags=("Hospitality", "Food Service", "Guest Experience"),
        hard=(
            "Food Safety",
            "Knife Skills",
            "Point of Sale Systems",
            "Reservation Systems",
            "Inventory Ordering",
            "Event Planning",
            "Cash Handling",
            "Menu Costing",
        ),
        duties=(
            "Prepare dishes to our recipes and plating standards",
            "Greet guests at arrival and departure",
            "Check rooms before new guests arrive",
            "Schedule shifts for the housekeeping team",
            "Order produce and dry goods each week",
            "Clean kitchen stations at the end of service",
            "Coordinate events with caterers and venues",
            "Resolve guest complaints with patience and care",
            "Handle cash and card payments accurately",
        ),
        aims=(
            "so that every guest feels welcome",
            "to keep food safe and waste low",
            "during busy weekend services",
            "in a clean and organized workplace",
            "with attention to dietary needs and allergies",
        ),
        degrees=("High school diploma or equivalent", "Culinary school certificate"),
        certificates=("Food handler certification", "Responsible alcohol service certification"),
        leads_from=("Dishwasher", "Prep Cook", "Host"),
        leads_to=("Sous Chef", "Front Office Manager", "General Manager"),
        salary=(32000, 68000),
    ),
    Family(
        name="trades",
        department="Field Operations",
        code="49-9081.00",
        titles=(
            "Wind Turbine Technician",
            "Electrician",
            "HVAC Technician",
            "Maintenance Mechanic",
            "Plumber",
            "Solar Installer",
        ),
        tags=("Skilled Trades", "Maintenance", "Energy"),
        hard=(
            "Electrical Troubleshooting",
            "Lockout/Tagout",
            "Climbing and Rescue",
            "Hydraulic Systems",
            "Preventive Maintenance",
            "Blueprint Reading",
            "Power Tools",
            "Programmable Logic Controllers",
            "Refrigerant Handling",
            "Pipe Fitting",
        ),
        duties=(
            "Inspect turbines, panels and their electrical systems",
            "Troubleshoot faults reported by the monitoring system",
            "Service heating and cooling equipment",
            "Replace worn parts during scheduled maintenance",
            "Install wiring to code in new and existing buildings",
            "Check safety equipment before every climb",
            "Log work orders and parts used in the maintenance system",
            "Test hydraulic and lubrication systems",
            "Read blueprints and wiring diagrams to plan each job",
        ),
        aims=(
            "so that equipment runs safely and reliably",
            "following lockout/tagout every time",
            "to cut unplanned downtime",
            "in all weather, with the right protective gear",
            "as part of a two-person crew",
        ),
        degrees=("High school diploma or equivalent", "Technical diploma in electrical or mechanical work"),
        certificates=(
            "Journeyman electrician license",
            "GWO Basic Safety Training",
            "EPA Section 608 certification",
        ),
        leads_from=("Apprentice", "Maintenance Helper", "Military technical service"),
        leads_to=("Lead Technician", "Site Supervisor", "Reliability Engineer"),
        salary=(48000, 98000),
    ),
    Family(
        name="support",
        department="Customer Support",
        code="43-4051.00",
        titles=(
            "Customer Support Specialist",
            "Technical Support Analyst",
            "Help Desk Technician",
            "Patient Access Representative",
            "Call Center Agent",
            "Support Team Lead",
        ),
        tags=("Customer Support", "Service"),
        hard=(
            "Ticketing Systems",
            "Live Chat Support",
            "Troubleshooting",
            "Knowledge Base Writing",
            "Phone Support",
            "Account Administration",
            "Scheduling Software",
            "Data Entry",
        ),
        duties=(
            "Answer questions by phone, e-mail and chat",
            "Resolve login and billing problems",
            "Escalate complex cases to the right specialist",
            "Record each conversation in the ticketing system",
            "Follow up on open tickets before they go stale",
            "Update help articles when answers change",
            "Guide customers through setup step by step",
            "Report recurring problems to the product team",
            "Train new agents on our tools and tone",
        ),
        aims=(
            "so that customers get a clear answer the first time",
            "within our service-level targets",
            "with warmth and patience",
            "to make the next conversation easier",
            "in plain, friendly language",
        ),
        degrees=("High school diploma or equivalent", "Associate degree or some college"),
        certificates=("CompTIA A+ certification",),
        leads_from=("Retail Associate", "Receptionist", "Hospitality Worker"),
        leads_to=("Senior Support Specialist", "Support Team Lead", "Customer Success Manager"),
        salary=(38000, 72000),
    ),
    Family(
        name="social",
        department="Community Programs",
        code="21-1093.00",
        titles=(
            "Case Manager",
            "Mental Health Counselor",
            "Social Worker",
            "Peer Support Specialist",
            "Youth Program Coordinator",
            "Community Outreach Worker",
        ),
        tags=("Social Services", "Counseling", "Community"),
        hard=(
            "Case Management",
            "Crisis Intervention",
            "Motivational Interviewing",
            "Needs Assessment",
            "Resource Navigation",
            "Clinical Documentation",
            "Group Facilitation",
            "Trauma-Informed Care",
        ),
        duties=(
            "Meet with clients to set goals together",
            "Assess needs for housing, food and health care",
            "Connect families with community resources",
            "Advocate for clients with agencies and landlords",
            "Facilitate weekly support groups",
            "Document contacts and progress in the case record",
            "Visit clients at home and in the community",
            "Plan safety steps with clients in crisis",
            "Take part in case reviews with the wider care team",
        ),
        aims=(
            "with respect for each person's choices",
            "so that no one falls through the cracks",
            "following confidentiality rules and mandated reporting laws",
            "in a way that is culturally responsive",
            "toward stable, independent living",
        ),
        degrees=("Bachelor's degree in Social Work, Psychology or a related field", "Master of Social Work"),
        certificates=("State counseling or social work license", "Peer specialist certification"),
        leads_from=("Outreach Volunteer", "Residential Aide", "Behavioral Health Technician"),
        leads_to=("Senior Case Manager", "Program Supervisor", "Clinical Director"),
        salary=(40000, 82000),
    ),
    Family(
        name="marketing",
        department="Marketing",
        code="13-1161.00",
        titles=(
            "Marketing Coordinator",
            "Content Writer",
            "Social Media Specialist",
            "Marketing Intern",
            "Communications Manager",
            "Graphic Designer",
        ),
        tags=("Marketing", "Communications", "Content"),
        hard=(
            "Copywriting",
            "Email Marketing",
            "Social Media Scheduling",
            "Web Analytics",
            "Search Engine Optimization",
            "Graphic Design Software",
            "Content Calendars",
            "Event Promotion",
        ),
        duties=(
            "Write newsletters and campaign e-mails",
            "Plan the monthly content calendar",
            "Publish posts on our social media channels",
            "Measure campaign results with web analytics",
            "Design flyers, banners and slide decks",
            "Edit articles from subject-matter experts",
            "Promote community events with local partners",
            "Report on what worked and what to change next time",
            "Keep the brand guide current",
        ),
        aims=(
            "in our plain, friendly voice",
            "to reach people who have not heard of us yet",
            "on schedule and within budget",
            "so that each campaign teaches us something",
            "with accessible design for every reader",
        ),
        degrees=("Bachelor's degree in Marketing, Communications or a related field",),
        certificates=("Web analytics certification",),
        leads_from=("Marketing Intern", "Student Journalist", "Administrative Assistant"),
        leads_to=("Marketing Manager", "Content Strategist", "Director of Communications"),
        salary=(42000, 98000),
    ),
)

SOFT_SKILLS = (
    "Clear Communication",
    "Teamwork",
    "Attention to Detail",
    "Adaptability",
    "Problem Solving",
    "Time Management",
    "Empathy",
    "Reliability",
    "Patience",
    "Initiative",
    "Active Listening",
    "Conflict Resolution",
    "Critical Thinking",
    "Willingness to Learn",
    "Organization",
    "Resilience",
    "Leadership",
    "Customer Focus",
)

SENIORITY = ("", "", "", "Junior ", "Senior ", "Lead ", "Associate ", "Principal ")

SPECIALTIES = ("", "", "", " (Nights)", " (Weekends)", " – Bilingual", " II", " III", " (Remote)")


@dataclass(frozen=True)
class Place:
    country: str
    currency: str
    cities: tuple[tuple[str, str | None], ...]
    """City and region code (None where regions are not used in addresses)."""
    pay_factor: float
    """Typical pay relative to the United States, in local currency per US dollar of pay."""
    monthly: bool = False
    """Pay is usually quoted per month here."""


PLACES: tuple[Place, ...] = (
    Place(
        "US",
        "USD",
        (
            ("Denver", "CO"),
            ("Austin", "TX"),
            ("Seattle", "WA"),
            ("Chicago", "IL"),
            ("Boston", "MA"),
            ("Atlanta", "GA"),
            ("Phoenix", "AZ"),
            ("Pittsburgh", "PA"),
            ("Minneapolis", "MN"),
            ("New York", "NY"),
            ("Oakland", "CA"),
            ("Honolulu", "HI"),
        ),
        1.0,
    ),
    Place("CA", "CAD", (("Toronto", "ON"), ("Vancouver", "BC"), ("Calgary", "AB"), ("Halifax", "NS")), 1.15),
    Place("GB", "GBP", (("Manchester", None), ("Leeds", None), ("Bristol", None), ("Glasgow", None)), 0.6),
    Place("DE", "EUR", (("Berlin", None), ("Hamburg", None), ("Munich", None), ("Leipzig", None)), 0.75),
    Place("FR", "EUR", (("Lyon", None), ("Paris", None), ("Nantes", None)), 0.7),
    Place("NL", "EUR", (("Utrecht", None), ("Rotterdam", None)), 0.75),
    Place("IE", "EUR", (("Dublin", None), ("Cork", None)), 0.8),
    Place("JP", "JPY", (("Osaka", None), ("Tokyo", None), ("Fukuoka", None)), 110.0),
    Place("IN", "INR", (("Bengaluru", None), ("Pune", None), ("Chennai", None)), 14.0),
    Place("AU", "AUD", (("Melbourne", "VIC"), ("Brisbane", "QLD"), ("Perth", "WA")), 1.3),
    Place("CH", "CHF", (("Zurich", None), ("Basel", None)), 1.0, monthly=True),
    Place("SE", "SEK", (("Stockholm", None), ("Gothenburg", None)), 7.5, monthly=True),
    Place("BR", "BRL", (("São Paulo", None), ("Curitiba", None)), 2.2, monthly=True),
    Place("MX", "MXN", (("Monterrey", None), ("Guadalajara", None)), 6.0, monthly=True),
)

EMPLOYMENT = (
    "full_time",
    "full_time",
    "full_time",
    "full_time",
    "part_time",
    "contract",
    "temporary",
    "internship",
    "per_diem",
)

WORKPLACES = ("onsite", "onsite", "hybrid", "hybrid", "remote")

SCHEDULES = (
    "Monday to Friday, 08:00 to 16:30.",
    "Four 10-hour shifts a week, with a rotating weekend every fourth week.",
    "Flexible hours with core hours from 10:00 to 15:00 in your time zone.",
    "Evening shift, Monday to Friday, 15:00 to 23:30.",
    "Three 12-hour shifts a week, days or nights.",
    "Around 20 hours a week, scheduled with you a month ahead.",
)

SUMMARY_OPENINGS = (
    "As our {title}, you will {duty} {aim}.",
    "We are looking for a {title} who wants to {duty} {aim}.",
    "In this role you will {duty}, working closely with the {department} team.",
    "Join our {department} team as a {title} and help us {duty} {aim}.",
)

SUMMARY_MIDDLES = (
    "You will have a clear plan for your first ninety days and a colleague to learn the work from.",
    "Most days mix planned work with problems that need a quick, calm answer.",
    "We measure success by the people we serve, not by hours at a desk.",
    "The team is small enough that your ideas are heard and acted on.",
    "You will share what you learn, and others will share with you.",
    "We give you the tools, training and time to do the work well.",
)

SUMMARY_CLOSINGS = (
    "If that sounds like you, we would like to hear from you.",
    "You do not need to match every point below to apply.",
    "We welcome applicants returning to work after a career break.",
    "Tell us in your application what you would like to learn here.",
)

BENEFITS = (
    "Medical, dental and vision coverage from your first day",
    "A retirement plan with an employer match of up to 5%",
    "25 days of paid time off a year plus public holidays",
    "Paid parental leave of 16 weeks",
    "A yearly learning budget for courses and conferences",
    "Paid certification and license renewals",
    "A monthly transit or parking allowance",
    "Flexible hours agreed with your team",
    "A confidential employee assistance program",
    "Home office equipment for remote and hybrid staff",
    "Two paid volunteer days a year",
    "Free meals during shifts",
)

EXPERIENCE_PREFERRED = (
    "Experience in a similar role at an organization of our size.",
    "Experience training or mentoring new team members.",
    "Experience working with people from many backgrounds.",
    "Experience with the tools listed under skills.",
    "Experience in a regulated setting with written procedures.",
)

QUALIFICATIONS_REQUIRED = (
    "Authorization to work in the country of the role",
    "Ability to communicate clearly in English, in writing and in conversation",
    "Ability to move items of up to 25 lb (11 kg), with or without reasonable accommodation",
    "Willingness to travel to other sites up to a few days a month",
    "A background check suited to the role, in line with fair-chance hiring laws",
)

QUESTIONS = (
    "Tell us about a time you had to {duty} under time pressure. What did you do first?",
    "Walk us through how you would {duty} in your first week here.",
    "Describe a mistake you made when you had to {duty}, and what you changed afterwards.",
)

SHARED_DUTIES = (
    "Take part in team meetings and share what you learn",
    "Help new colleagues find their feet in their first weeks",
    "Suggest improvements to how the team works",
    "Keep your training and certifications up to date",
    "Follow our safety, privacy and data protection rules",
    "Cover for teammates during holidays and busy periods",
    "Contribute to written procedures and checklists",
    "Represent the team at community and recruiting events",
)

STAGES = (
    ("Phone screen", 30),
    ("Skills interview", 60),
    ("Work sample", 90),
    ("Team conversation", 45),
    ("Final interview", 60),
)
